# Processes hand results back through a multiprocessing.Queue (shared variables would not work):
# four children each put one result; the parent collects and sorts them.
import multiprocessing

def work(i, out):
    out.put((i, sum(range(i * 1000))))

q = multiprocessing.Queue()
procs = [multiprocessing.Process(target=work, args=(i, q)) for i in range(4)]
for p in procs: p.start()
results = sorted(q.get(timeout=5) for _ in procs)
for p in procs: p.join()
print(results)
