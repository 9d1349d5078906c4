# A Thread subclass that keeps Thread's own run() (which calls target) and adds a method around it.
import threading

results = []

class LoggedThread(threading.Thread):
    def run(self):
        results.append("before")
        super().run()
        results.append("after")

def job(x, y=0):
    results.append(x + y)

t = LoggedThread(target=job, args=(40,), kwargs={"y": 2})
t.start()
t.join()
print(results)
