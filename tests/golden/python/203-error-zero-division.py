a = 1
print(a / 2)
print(a / 0)
