# Thread identities: get_ident() is the same for a thread throughout, differs between live threads,
# matches Thread.ident, and ident is None before start(). The numbers themselves vary, so only
# comparisons are printed.
import threading

main_id = threading.get_ident()
print(main_id == threading.main_thread().ident, isinstance(main_id, int))

ids = {}
hold = threading.Event()

def record(name):
    ids[name] = threading.get_ident()
    hold.wait()

threads = [threading.Thread(target=record, args=(f"t{i}",)) for i in range(3)]
print([t.ident for t in threads])
for t in threads: t.start()
while len(ids) < 3:
    pass
print(len(set(ids.values()) | {main_id}))
print(all(ids[f"t{i}"] == threads[i].ident for i in range(3)))
hold.set()
for t in threads: t.join()
