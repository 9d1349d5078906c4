# A class body's __class_getitem__ is a class method: `Registry[key]` calls it with the class bound,
# subclasses receive themselves, and a class without it is not subscriptable.
class Registry:
    def __class_getitem__(cls, key):
        return f"{cls.__name__}[{key!r}]"


class Sub(Registry):
    pass


print(Registry["a"], Registry[1, 2], Sub[int])


class Plain:
    pass


try:
    Plain[0]
except TypeError as e:
    print("TypeError:", e)
