big = 1e308
print(big * 10)
print(-big * 10)
print(float("inf"), float("-inf"))
print(float("nan"))
print(1e308 * 10 - 1e308 * 10)
print(2.0 ** 0.5)
print(10 ** -3, 10.0 ** -5)
