# An RLock can be taken again by the thread that holds it (each acquire needs its release), which is
# what a helper that locks, called from a method that already locks, needs.
import threading

lock = threading.RLock()
balance = 0

def deposit(amount):
    global balance
    with lock:
        balance += amount

def deposit_twice(amount):
    with lock:
        deposit(amount)
        deposit(amount)

deposit_twice(10)
print(balance)

print(lock.acquire(), lock.acquire(), lock.acquire())
lock.release()
lock.release()
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
