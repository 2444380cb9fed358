values = [3, 1, 4, 1, 5]
print(*values)
print(*values, sep=" < ")
print(*[1.5, 2.25], "done", sep="|", end=".\n")
shape = (1, 2, 5)
print("shape:", *shape)
