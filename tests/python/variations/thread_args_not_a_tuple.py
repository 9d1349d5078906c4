# A classic slip: args=(5) is just 5, not a one-element tuple. The thread fails when it starts, the
# error ("Exception in thread …" and a TypeError) goes to stderr, and the main thread goes on and
# exits with 0. The last stderr line is the thread's TypeError.
import threading

def worker(n):
    print("the thread got", n)

t = threading.Thread(target=worker, args=(5))
t.start()
t.join()
print("main goes on")
t = threading.Thread(target=worker, args=(5,))
t.start()
t.join()
