# A child's exit code: sys.exit(n) in the target gives n, an uncaught exception gives 1 (its traceback
# goes to the child's stderr).
import multiprocessing
import sys

def leave(code):
    sys.exit(code)

def fail():
    raise KeyError("in the child")

for target, args in ((leave, (0,)), (leave, (3,)), (fail, ())):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join()
    print(target.__name__, args, p.exitcode)
