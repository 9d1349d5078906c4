# Two threads take two locks in opposite orders. A barrier makes sure each holds its first lock before
# asking for the second, so the deadlock happens on every run: the program runs until killed.
# timeout: 2
import threading

a = threading.Lock()
b = threading.Lock()
both_hold_one = threading.Barrier(2)

def first_a_then_b():
    with a:
        both_hold_one.wait()
        with b:
            print("never printed")

def first_b_then_a():
    with b:
        both_hold_one.wait()
        with a:
            print("never printed")

threads = [threading.Thread(target=first_a_then_b), threading.Thread(target=first_b_then_a)]
for t in threads: t.start()
print("started; each thread will hold one lock and wait for the other")
for t in threads: t.join()
