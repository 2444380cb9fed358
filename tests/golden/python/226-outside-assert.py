# expect: NotImplementedError line 5: assert
out_len = (5 - 3) // 1 + 1
print(out_len)

assert out_len == 3
print("ok")
