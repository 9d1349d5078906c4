# An exception inside a submitted function: the future holds it, exception() returns it without
# raising, result() raises it again in the caller.
from concurrent.futures import ThreadPoolExecutor

def parse(text):
    return int(text)

with ThreadPoolExecutor(max_workers=2) as pool:
    good = pool.submit(parse, "42")
    bad = pool.submit(parse, "forty-two")
    print(good.result(), good.exception())
    e = bad.exception()
    print(type(e).__name__, e)
    try:
        bad.result()
    except ValueError as e2:
        print("result() raised:", e2)
        print(e2 is e)
