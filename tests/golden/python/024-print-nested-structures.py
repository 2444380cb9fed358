sizes = [(1, 1, 3), (2, 1, 3), (2, 2, 3)]
for s in sizes:
    print(s, len(s), s[0] * s[1] * s[2])
print(sizes)
print(list(range(5)))
print(list(range(2, 10, 3)))
print(range(5))
