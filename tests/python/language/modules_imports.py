# import forms: `import m`, `import m as n`, `from m import a, b`, `from m import a as b`,
# `from package.module import x`, and a module used through its attribute.
import math
import time as clock
from math import sqrt, pi
from math import floor as round_down
from concurrent.futures import ThreadPoolExecutor
import concurrent.futures
import queue, threading

print(math.sqrt(16), sqrt(16), round(pi, 5), round_down(2.7))
print(callable(clock.sleep), ThreadPoolExecutor is concurrent.futures.ThreadPoolExecutor)
print(queue.Queue.__name__, threading.Lock is not None)
print(math.__name__, clock.__name__, concurrent.futures.__name__)
