def show(x):
    print("showing", x)

r = show(5)
print(r)

def pair(a, b=2):
    return a, b

print(pair(1))
print(pair(1, b=3))
p, q = pair(4, 5)
print(p + q)
