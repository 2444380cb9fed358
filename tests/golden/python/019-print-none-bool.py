x = None
print(x)
print(True, False)
print(x is None, x is not None)
print(not True, True and False, True or False)
print(1 == 1.0, 2 != 2, 3 < 4 <= 4)
print(None == None)
