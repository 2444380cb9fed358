total = 0
for i in range(1, 11):
    total += i
print(total)
x = 1.0
x *= 3
x -= 0.5
x /= 2
print(x)
n = 17
n //= 3
print(n)
n **= 3
print(n)
n %= 7
print(n)
s = "ab"
s += "cd"
print(s)
l = [1]
l += [2, 3]
print(l)
