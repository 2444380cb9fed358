total = 0.0
for i in range(10):
    total += 0.1
print(total)
print(total == 1.0)
print(sum([0.1] * 10))
print(0.1 * 10)
print(1.1 + 2.2)
print(3.3 - 1.1)
print(1 - 0.9)
