# A walrus where CPython's grammar does not allow one is a SyntaxError at compile time, raised here
# by compile-time errors inside exec(): an unparenthesised statement, an attribute target, a
# comprehension rebinding its own variable, a comprehension in a class body.
sources = [
    "x := 5",
    "y = x := 5",
    "(obj.attr := 5)",
    "[i := 0 for i in range(3)]",
    "class C:\n    vals = [(t := v) for v in range(3)]",
    "def f(a=x := 1): pass",
]
for src in sources:
    try:
        exec(src)
        print("ran", src)
    except SyntaxError as e:
        print("SyntaxError:", e)
exec("(fine := 42)")
print(fine)
