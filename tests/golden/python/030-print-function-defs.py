def out_len(length, kernel_size, stride=1, padding=0, dilation=1):
    return (length + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1

print(out_len(5, 3))
print(out_len(10, 3, stride=2))
print(out_len(10, 3, padding=1))
print(out_len(100, 5, 2, 2, 1))
print(out_len(16, 3, dilation=4))
for k in [1, 3, 5, 7]:
    print(k, out_len(32, k, padding=k // 2))
