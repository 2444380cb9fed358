# expect: NotImplementedError line 2: os
import os
print(os.sep)
