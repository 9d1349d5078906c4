# Condition.wait_for(predicate, timeout) returns the predicate's value: True once another thread made
# it true, False (well, the falsy value) when the timeout ran out first.
import threading
import time

cond = threading.Condition()
state = {"ready": False, "count": 0}

def make_ready():
    time.sleep(0.05)
    with cond:
        state["ready"] = True
        cond.notify_all()

threading.Thread(target=make_ready).start()
with cond:
    print(cond.wait_for(lambda: state["ready"], timeout=5))
    print(cond.wait_for(lambda: state["count"], timeout=0.02))
    print(cond.wait(timeout=0.01))
