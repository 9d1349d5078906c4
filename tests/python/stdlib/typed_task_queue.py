# A learner's typed program using the new modules together: dataclasses with typing annotations, a
# heapq priority queue of ordered dataclasses, lru_cache on an annotated function, the walrus in a
# worker loop fed by threads, json round trips of the results, copy of the state, operator keys.
from __future__ import annotations

import copy
import heapq
import json
import threading
from dataclasses import dataclass, field, asdict
from functools import lru_cache
from operator import attrgetter
from queue import Queue
from typing import Callable, Dict, List, Optional


@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False)
    result: Optional[int] = field(default=None, compare=False)


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def run_all(tasks: list[Task], work: Callable[[int], int], workers: int = 3) -> Dict[str, int]:
    q: Queue[Optional[Task]] = Queue()
    results: dict[str, int] = {}
    lock = threading.Lock()

    def worker() -> None:
        while (task := q.get()) is not None:
            value = work(task.priority)
            with lock:
                results[task.name] = value

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    heap: list[Task] = []
    for t in tasks:
        heapq.heappush(heap, t)
    while heap:
        q.put(heapq.heappop(heap))
    for _ in threads:
        q.put(None)
    for t in threads:
        t.join()
    return results


tasks = [Task(20, "big", ["cpu"]), Task(5, "small"), Task(12, "medium", ["io"]), Task(1, "tiny")]
results = run_all(tasks, fib)
print(sorted(results.items()), fib.cache_info().currsize > 0)
for t in tasks:
    t.result = results[t.name]
snapshot = copy.deepcopy(tasks)
tasks[0].tags.append("changed")
print(snapshot[0].tags, tasks[0].tags)
text = json.dumps([asdict(t) for t in sorted(snapshot, key=attrgetter("name"))], indent=2)
print(text)
back = [Task(**d) for d in json.loads(text)]
print(back == sorted(snapshot, key=attrgetter("name")), max(back).name, min(back, key=attrgetter("result")).name)
