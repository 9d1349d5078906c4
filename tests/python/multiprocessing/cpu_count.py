# cpu_count(): a positive integer, the same from multiprocessing and os. Its value depends on the
# machine, so only its properties are printed.
import multiprocessing
import os

n = multiprocessing.cpu_count()
print(isinstance(n, int), n >= 1, n == os.cpu_count())
