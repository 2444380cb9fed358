x = 2 / 3
print(round(x, 3), f"{x:.3f}", str(round(x, 5)))
print(f"{x:.10f}")
print(f"{1/7:.15f}")
print(f"{2 ** 0.5:.20f}")
print(f"{0.1:.25f}")
