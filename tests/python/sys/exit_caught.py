# sys.exit raises SystemExit, which can be caught like any exception and carries the code.
import sys

for arg in (0, 2, "msg", None):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), type(e).__name__, isinstance(e, Exception), isinstance(e, BaseException))
print("still running")
