# Name lookup order: local, enclosing, global, built-in; shadowing a built-in and deleting the shadow.
x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()

def local():
    x = "local"
    return x

print(outer(), local(), x)
len = lambda s: "shadowed"
print(len("abc"))
del len
print(len("abc"))

def reads_global():
    return x

print(reads_global())
