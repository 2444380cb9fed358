n = 3
print("layers: " + str(n))
print("layers: " + n)
