# A typo in a module's name stays CPython's ModuleNotFoundError: the playground says
# NotImplementedError only for modules of CPython's standard library it lacks, never for a name
# that is nowhere. A missing submodule of a package it has is a typo too.
try:
    import collections.dequ
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print("before")
import threadng
print("not reached")
