xs = [10, 20, 30, 40, 50]
print(xs[0], xs[-1], xs[2])
print(xs[1:3], xs[:2], xs[3:], xs[::2], xs[::-1])
xs[0] = 99
print(xs)
print(len(xs), min(xs), max(xs), sum(xs))
xs.append(60)
print(xs)
print(xs[-2:])
