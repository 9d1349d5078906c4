# A learner takes the same Lock twice in one thread (a helper that also locks): a plain Lock is not
# reentrant, so the second acquire waits forever. Expected to run until killed; RLock is the fix
# (threading/rlock_reentrant.py).
# timeout: 2
import threading

lock = threading.Lock()
balance = 0

def deposit(amount):
    global balance
    with lock:
        balance += amount

def deposit_twice(amount):
    with lock:
        print("holding the lock, depositing twice")
        deposit(amount)
        deposit(amount)

deposit_twice(10)
print("never printed")
