# random.seed(42) then random(): CPython's Mersenne Twister gives the same floats every time, and the
# playground must give exactly these.
import random

random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.random(), random.random())
