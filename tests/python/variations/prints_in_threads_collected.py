# Prints from threads running together come out in the schedule's order; collecting the lines (under a
# lock) and sorting them makes the output fixed while the threads still overlap.
import threading
import time

lines = []
lines_lock = threading.Lock()

def worker(name, delay):
    time.sleep(delay)
    with lines_lock:
        lines.append(f"{name} woke after {delay}")

threads = [threading.Thread(target=worker, args=(f"t{i}", 0.01 * (3 - i))) for i in range(3)]
for t in threads: t.start()
for t in threads: t.join()
for line in sorted(lines):
    print(line)
print(len(lines))
