names = ["weight", "bias"]
sizes = [3, 1]
for i, name in enumerate(names):
    print(i, name)
for name, size in zip(names, sizes):
    print(name, size)
for i, (name, size) in enumerate(zip(names, sizes)):
    print(i, name, size)
print(list(enumerate(names)))
print(list(zip(names, sizes)))
