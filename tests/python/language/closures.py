# Closures: inner functions remember the variables of the call that made them, each call its own.
def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

a = make_counter()
b = make_counter(100)
print(a(), a(), a(5), b(), a())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([f(10) for f in make_multipliers()])

def make_late():
    return [lambda x: x * i for i in range(4)]

print([f(10) for f in make_late()])

def outer():
    message = "outer's"
    def middle():
        def inner():
            return message
        return inner()
    return middle()

print(outer())
