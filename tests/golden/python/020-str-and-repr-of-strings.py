s = "hello"
print(s)
print([s])
print(str(s), str(5), str(2.5), str(None), str(True))
print(str([1, 'a']))
print("a" + "b" * 3)
print(len("conv1d"))
print('quote " inside', "apostrophe ' inside")
print(["quote \" inside", "apostrophe ' inside"])
