# wait() returns (done, not_done) sets: ALL_COMPLETED waits for everything, FIRST_COMPLETED for the
# first, FIRST_EXCEPTION for the first failure; a timeout leaves the rest in not_done.
import time
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION

def nap(seconds, fail=False):
    time.sleep(seconds)
    if fail:
        raise RuntimeError(f"failed after {seconds}")
    return seconds

with ThreadPoolExecutor(max_workers=4) as pool:
    fs = [pool.submit(nap, s) for s in (0.01, 0.2, 0.25)]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print(len(done), len(not_done), [f.result() for f in done])
    done, not_done = wait(fs, timeout=0.05)
    print(len(done), len(not_done))
    done, not_done = wait(fs, return_when=ALL_COMPLETED)
    print(len(done), len(not_done), sorted(f.result() for f in done))

    fs = [pool.submit(nap, 0.02, fail=True), pool.submit(nap, 0.25)]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done), [str(f.exception()) for f in done])
    print(ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION)
