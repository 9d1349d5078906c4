# current_thread() and main_thread(): the same object in the main thread, different in a worker.
import threading

print(threading.current_thread() is threading.main_thread())

answers = []

def check():
    answers.append(threading.current_thread() is threading.main_thread())
    answers.append(threading.main_thread().name)

t = threading.Thread(target=check)
t.start()
t.join()
print(answers)
print(threading.main_thread().is_alive(), threading.main_thread().daemon)
