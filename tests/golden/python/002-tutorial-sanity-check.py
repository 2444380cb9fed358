# sanity check
output0 = 0.2975*1 - 0.2548*2 - 0.1119*3 + 0.2710
print(output0)
