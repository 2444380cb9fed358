name = "conv"
n = 3
x = 0.1 + 0.2
print(f"{name} has {n} layers")
print(f"{x}")
print(f"{x!r} {name!r}")
print(f"{n * 2} {n / 2} {n // 2}")
print(f"{[1, 2]} {(3,)} {None} {True}")
print(f"{{braces}} {n}")
