L = 20
print("k  s  p  d  out")
for k in [3, 5]:
    for s in [1, 2]:
        for p in [0, 1]:
            for d in [1, 2]:
                out = (L + 2 * p - d * (k - 1) - 1) // s + 1
                print(k, s, p, d, out)
