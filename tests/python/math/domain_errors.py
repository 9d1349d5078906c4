# Out-of-domain arguments raise ValueError("math domain error"); too-large results OverflowError.
import math

for f, x in ((math.sqrt, -1), (math.log, 0), (math.log, -5), (math.acos, 2)):
    try:
        f(x)
    except ValueError as e:
        print(f.__name__, "ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
