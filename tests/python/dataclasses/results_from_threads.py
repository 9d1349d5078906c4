# Dataclasses as the lesson would use them: each worker thread returns a frozen Result, the main
# thread sorts them (order=True) and sums a field; asdict gives what one would print or send.
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, asdict
import threading


@dataclass(frozen=True, order=True)
class Result:
    item: int
    square: int
    worker_is_main: bool


def work(i):
    return Result(i, process(i), threading.current_thread() is threading.main_thread())


with ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(work, range(8)))
print(sorted(results, reverse=True)[:2])
print(sum(r.square for r in results), any(r.worker_is_main for r in results))
print(asdict(results[3]))
print(len(set(results)), Result(3, 9, False) in set(results))
