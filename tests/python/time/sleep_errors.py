# time.sleep's argument errors: a negative number is a ValueError, a string a TypeError.
import time

try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
time.sleep(False)
print("slept False (0) seconds")
