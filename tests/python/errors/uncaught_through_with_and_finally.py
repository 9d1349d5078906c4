# An uncaught exception still runs the __exit__ of every `with` and every `finally` it passes through,
# innermost first, before the program ends with exit code 1.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, *exc):
        print("close", self.name)
        return False

def work():
    with Resource("file"):
        try:
            raise OSError("disk full")
        finally:
            print("finally in work")

try:
    with Resource("connection"):
        work()
finally:
    print("outer finally")
