# os.getpid() does not change during a program.
import os
import time

a = os.getpid()
time.sleep(0.01)
print(a == os.getpid())
