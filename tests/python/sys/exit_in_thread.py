# sys.exit() in a thread ends only that thread (SystemExit is silently ignored there), not the program.
import sys
import threading

def leave():
    sys.exit(5)

t = threading.Thread(target=leave)
t.start()
t.join()
print("the program goes on")
