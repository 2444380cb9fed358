x = 5
print(x)
print(y)
