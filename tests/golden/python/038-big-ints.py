print(2 ** 64)
print(2 ** 100)
print(12345678901234567890 * 98765432109876543210)
seed = 67280421310721
print(seed, seed * 2, seed // 7, seed % 1000)
print(-(2 ** 70) // 3)
print(10 ** 20 + 1)
