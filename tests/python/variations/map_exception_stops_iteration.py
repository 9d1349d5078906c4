# An exception in one call of pool.map: the results before it come out, then iterating raises it;
# the results after it are lost to the loop even though they were computed.
from concurrent.futures import ThreadPoolExecutor

def inverse(x):
    return 1 / x

got = []
with ThreadPoolExecutor(max_workers=3) as pool:
    try:
        for value in pool.map(inverse, [4, 2, 0, 1]):
            got.append(value)
    except ZeroDivisionError as e:
        print("map raised:", e)
print(got)
