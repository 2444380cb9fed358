x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(max(0.1 + 0.2, 0.3))
print(not 0, not 0.0, not [], not [0], not "", not "a")
