# asyncio's Queue, Lock, Event, Semaphore and Condition: who runs when, in CPython's order.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i, "size", q.qsize())
    await q.put(None)


async def consumer(name, q, out):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            await q.put(None)
            break
        out.append((name, item))
        await asyncio.sleep(0)
        q.task_done()


async def locked_counter(lock, shared, name):
    for _ in range(3):
        async with lock:
            v = shared["n"]
            await asyncio.sleep(0)
            shared["n"] = v + 1
            shared["log"].append(name)


async def unlocked_counter(shared):
    for _ in range(3):
        v = shared["n"]
        await asyncio.sleep(0)
        shared["n"] = v + 1


async def waiter(event, name):
    print(name, "waits")
    await event.wait()
    print(name, "woke")


async def limited(sem, name, active, peak):
    async with sem:
        active.append(name)
        peak.append(len(active))
        await asyncio.sleep(0.01)
        active.remove(name)
    return name


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer("c1", q, out), consumer("c2", q, out))
    print(out)

    # join() waits for every task_done().
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    done = []

    async def slow_worker():
        while not q.empty():
            item = await q.get()
            await asyncio.sleep(0.01)
            done.append(item)
            q.task_done()

    t = asyncio.create_task(slow_worker())
    await q.join()
    print("joined", done)
    await t
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    full = asyncio.Queue(1)
    full.put_nowait("x")
    try:
        full.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull", full.full())
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)

    # A lock keeps read-modify-write whole; without it updates are lost.
    lock = asyncio.Lock()
    shared = {"n": 0, "log": []}
    await asyncio.gather(*(locked_counter(lock, shared, f"t{i}") for i in range(3)))
    print("locked", shared["n"], shared["log"], lock.locked())
    shared = {"n": 0}
    await asyncio.gather(*(unlocked_counter(shared) for _ in range(3)))
    print("unlocked", shared["n"])
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # Event wakes every waiter, in the order they waited.
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    print("setting", ev.is_set())
    ev.set()
    await asyncio.gather(*tasks)
    print(ev.is_set(), await ev.wait())

    # A semaphore lets two in at a time.
    sem = asyncio.Semaphore(2)
    active, peak = [], []
    names = await asyncio.gather(*(limited(sem, f"s{i}", active, peak) for i in range(5)))
    # (Not the whole `peak` list: whether s2 enters before s1 leaves depends on the loop waking
    # between two deadlines microseconds apart.)
    print(names, max(peak), len(peak))

    # Condition: notify wakes waiters one at a time.
    cond = asyncio.Condition()
    ready = []

    async def cwait(name):
        async with cond:
            await cond.wait_for(lambda: ready)
            print(name, "sees", ready)

    ts = [asyncio.create_task(cwait(f"c{i}")) for i in range(2)]
    await asyncio.sleep(0)
    async with cond:
        ready.append(1)
        cond.notify_all()
    await asyncio.gather(*ts)


asyncio.run(main())
