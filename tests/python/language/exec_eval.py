# exec() and eval(): source compiled at run time, against the caller's namespaces or given dicts.
x = 10
print(eval("x * 2 + 1"))
print(eval("  len(s)", {"s": "abcd"}))
ns = {}
exec("def double(n):\n    return n * 2\ny = double(21)", ns)
print(ns["y"], ns["double"](4), "double" in globals())
g = {"base": 100}
loc = {}
exec("total = base + 5", g, loc)
print(loc, "total" in g)
exec("z = x + 1")
print(z)
print(eval("a + b", {"a": 1}, {"b": 2}))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError")
try:
    eval("x = 1")
except SyntaxError:
    print("SyntaxError for a statement")
try:
    eval(5)
except TypeError as e:
    print("TypeError:", e)
try:
    exec("raise ValueError('inside')")
except ValueError as e:
    print("ValueError:", e)
