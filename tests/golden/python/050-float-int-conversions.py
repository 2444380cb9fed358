print(float(3), float("3"), float("-1e-5"), float("2.5"))
print(int(2.999), int(-0.5), int("-17"), int(1e10))
print(str(1e-5), str(1e16), str(0.1), str(100))
print(int(float("7.9")))
