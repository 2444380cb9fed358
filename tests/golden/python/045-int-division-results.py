lengths = [5, 10, 16, 33]
for L in lengths:
    print(L, L / 2, L // 2, L % 2, (L // 3, L % 3))
