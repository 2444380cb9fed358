n = 3
print("layers: " + str(n))
print("lr = " + str(0.01))
print("loss " + str(1e-05))
print("ratio", 7 / 2, "floor", 7 // 2)
