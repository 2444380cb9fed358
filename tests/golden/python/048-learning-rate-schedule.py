lr = 0.1
for epoch in range(6):
    print(epoch, lr)
    lr *= 0.5
decay = [0.01 * 0.9 ** k for k in range(5)]
print(decay)
