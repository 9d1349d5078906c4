# __new__ written in Python: it runs before __init__ and decides what the call returns. A
# singleton returns its one instance (whose __init__ then runs again); a __new__ returning an
# object of another class skips __init__; object.__new__ refuses extra arguments.
class Config:
    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating the instance")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, name):
        print("init with", name)
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, a.name, b.name)


class Shape:
    def __new__(cls, sides):
        if sides == 0:
            return "a circle"
        return super().__new__(cls)

    def __init__(self, sides):
        print("Shape.__init__", sides)
        self.sides = sides


print(Shape(0))
print(Shape(3).sides)


class Counted:
    made = 0

    def __new__(cls):
        cls.made += 1
        return object.__new__(cls)


Counted(), Counted()
print(Counted.made, type(Counted.__new__(Counted)).__name__)


class Strict:
    def __new__(cls, value):
        return super().__new__(cls, value)


try:
    Strict(1)
except TypeError as e:
    print("TypeError:", e)


class NoArgs:
    pass


try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
print(type(object.__new__(NoArgs)).__name__)
