def f(a):
    return a + undefined_thing

print("calling")
print(f(1))
