print(1.5 % 1.0)
print(1.5 % 0.0)
