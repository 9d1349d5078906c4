# max_workers=0 is refused when the pool is made: ValueError, printed with CPython's message.
from concurrent.futures import ThreadPoolExecutor

try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
