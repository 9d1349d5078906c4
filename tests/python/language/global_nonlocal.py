# global rebinds a module variable from a function; nonlocal rebinds an enclosing function's; without
# either, assignment makes a new local.
total = 0

def add(n):
    global total
    total += n

add(5)
add(7)
print(total)

def shadow():
    total = "local"
    return total

print(shadow(), total)

def outer():
    x = "outer"
    def change():
        nonlocal x
        x = "changed"
    change()
    return x

print(outer())

def make_global():
    global created
    created = "made inside a function"

make_global()
print(created)
