# expect: NotImplementedError line 4: del
x = [1, 2, 3]
print(x)
del x
