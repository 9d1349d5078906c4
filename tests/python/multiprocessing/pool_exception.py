# An exception in a Pool worker is raised again in the parent by map(), with its type and message.
import multiprocessing

def reciprocal(x):
    return 1 / x

with multiprocessing.Pool(2) as pool:
    try:
        pool.map(reciprocal, [1, 2, 0, 4])
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print(pool.map(reciprocal, [1, 2, 4]))
