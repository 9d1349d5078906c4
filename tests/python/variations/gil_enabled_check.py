# A learner checks whether the GIL is on, as the free-threading docs suggest: sys._is_gil_enabled()
# exists from 3.13 on, so the program falls back to True where it is missing (CPython 3.11 always has
# the GIL). The answer is the mode's, so this runs only in the modes where the GIL is on.
# modes: gil-on simulate
import sys

if hasattr(sys, "_is_gil_enabled"):
    print(sys._is_gil_enabled())
else:
    print(True)
