a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (3, 4), 5
print(x, y, z)
first, second = [10, 20]
print(first, second)
for a, b in [(1, 2), (3, 4)]:
    print(a * b)
