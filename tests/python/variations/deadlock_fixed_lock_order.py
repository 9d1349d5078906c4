# The two-lock deadlock fixed by taking the locks in one agreed order in both threads.
import threading

a = threading.Lock()
b = threading.Lock()
done = []

def transfer(name):
    for _ in range(100):
        with a:
            with b:
                pass
    done.append(name)

threads = [threading.Thread(target=transfer, args=(n,)) for n in ("x", "y")]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(done))
