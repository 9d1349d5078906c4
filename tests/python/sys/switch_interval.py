# sys.getswitchinterval() is 0.005 s by default; setswitchinterval changes it; zero or negative values
# are refused. CPython keeps the interval as a whole number of microseconds and reads it back as
# `1e-6 * microseconds`, so 0.05 comes back as 0.049999999999999996 (5000 * 1e-6 and 1000 * 1e-6 happen
# to round to 0.005 and 0.001).
import sys

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.05)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
