xs = [0.2975, -0.2548, -0.1119]
mean = sum(xs) / len(xs)
print(mean)
var = sum([(x - mean) ** 2 for x in xs]) / len(xs)
print(var)
print(var ** 0.5)
print(round(mean, 4), round(var, 6))
