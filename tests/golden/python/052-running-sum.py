values = [3, -1, 4, -1, 5, -9, 2, 6]
positives = [v for v in values if v > 0]
print(positives, len(positives), sum(positives))
running = []
acc = 0
for v in values:
    acc += v
    running.append(acc)
print(running)
print(max(running), min(running))
