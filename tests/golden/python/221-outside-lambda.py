# expect: NotImplementedError line 3: lambda
print("start")
square = lambda v: v * v
print(square(3))
