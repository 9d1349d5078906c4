# A learner's Thread subclass that forgets super().__init__(): start() raises
# `RuntimeError: thread.__init__() not called`, uncaught, so the program ends with exit code 1.
import threading

class Worker(threading.Thread):
    def __init__(self, n):
        self.n = n

    def run(self):
        print("never runs", self.n)

w = Worker(1)
print("starting")
w.start()
