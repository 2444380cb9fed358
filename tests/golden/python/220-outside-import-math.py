# expect: NotImplementedError line 4: math
x = 2.0
print(x ** 0.5)
import math
print(math.sqrt(x))
