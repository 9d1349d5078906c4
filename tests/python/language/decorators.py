# Decorators: @staticmethod, @classmethod, @property with a setter and a deleter, a user decorator
# without arguments and one with arguments (a decorator factory), stacked decorators (applied
# bottom-up) and a class decorator.
import functools


class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self._degrees = degrees

    @property
    def degrees(self):
        return self._degrees

    @degrees.setter
    def degrees(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._degrees = value

    @degrees.deleter
    def degrees(self):
        print("deleting")
        self._degrees = None

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)


t = Temperature(20)
t.degrees = 25
print(t.degrees, Temperature.convert(100), t.convert(0), Temperature.freezing().degrees)
try:
    t.degrees = -300
except ValueError as e:
    print("ValueError:", e)
del t.degrees
print(t.degrees)


def shout(func):
    def wrapper(*args, **kwargs):
        return str(func(*args, **kwargs)).upper()
    return wrapper


def repeat(times):
    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate


@shout
def greet(name):
    return f"hello {name}"


@repeat(3)
def roll(n):
    "Roll a die."
    return n


@shout
@repeat(2)
def both(x):
    return x


print(greet("ada"), greet.__name__, roll(4), roll.__name__, roll.__doc__, both("x"))


def register(cls):
    cls.registered = True
    return cls


@register
class Plugin:
    pass


print(Plugin.registered, Plugin.__name__)
calls = []


def trace(func):
    def inner(self, *args):
        calls.append(func.__name__)
        return func(self, *args)
    return inner


class Account:
    def __init__(self):
        self.balance = 0

    @trace
    def deposit(self, amount):
        self.balance += amount
        return self.balance


acct = Account()
acct.deposit(5)
print(acct.deposit(10), calls)
try:
    Temperature(1).missing = Temperature.degrees.fset
    Temperature.degrees = 3
    print(Temperature.degrees)
except AttributeError as e:
    print("AttributeError:", e)
