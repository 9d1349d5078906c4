# functools: wraps copies the name, qualname, docstring and __dict__ and sets __wrapped__;
# partial binds arguments in advance; reduce folds with or without an initial value.
import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def area(w, h=1):
    "Area of a rectangle."
    return w * h


area.unit = "m2"
wrapped = logged(area)
print(wrapped.__name__, wrapped.__qualname__, wrapped.__doc__, wrapped.unit, wrapped.__wrapped__ is area)
print(wrapped(3, h=4))
triple = functools.partial(area, 3)
print(triple(5), triple(h=2), triple.args, triple.keywords)
print(functools.partial(area, h=10)(2))
print(functools.reduce(lambda a, b: a + b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 7))
try:
    functools.reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)
try:
    functools.partial(5)
except TypeError as e:
    print("TypeError:", e)
