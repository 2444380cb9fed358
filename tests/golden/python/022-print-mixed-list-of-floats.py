losses = [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.015625]
print(losses)
print([x * 3 for x in losses])
print([round(x, 3) for x in losses])
print((0.1, 0.2, 0.30000000000000004))
