# multiprocessing.Process: the child runs the target in a process of its own; join() waits for it and
# exitcode is 0 after a normal end. The child's print reaches the same stdout, before the parent's
# next line since the parent joins first.
import multiprocessing

def greet(name):
    print(f"hello from the child, {name}")

p = multiprocessing.Process(target=greet, args=("parent",))
print(p.is_alive(), p.exitcode)
p.start()
p.join()
print(p.is_alive(), p.exitcode)
