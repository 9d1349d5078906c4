# The type built-ins: type, isinstance (with a tuple), issubclass, repr vs str, callable, id-based
# identity (compared, never printed), hash of equal values, and conversions between containers.
print(type(1).__name__, type(1.0).__name__, type("").__name__, type([]).__name__, type(None).__name__)
print(isinstance(1, (int, float)), isinstance("s", (int, float)), isinstance(True, int))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(repr("it's"), str("it's"), repr('say "hi"'), repr("tab\there"), repr("new\nline"))
print(callable(print), callable(len), callable(42), callable(lambda: 0))
a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1], [1] == [1])
print(hash(1) == hash(1.0), hash("x") == hash("x"), hash((1, "a")) == hash((1, "a")))
print(list("abc"), tuple([1, 2]), list({"a": 1}), set("aab") == {"a", "b"}, list(range(3)))
print(str([1, "a", None, True, 2.5, (1,), {"k": [1]}]))
print(type(type(1)).__name__, type(int).__name__)
