# Descriptors written in Python: __get__ and __set__ on a class attribute intercept instance reads
# and writes (a data descriptor wins over the instance's dict), __set_name__ tells it its name when
# the class is made, a __get__-only descriptor yields to the instance dict, and __init_subclass__
# runs for each subclass.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)


class Order:
    quantity = Positive()
    price = Positive()

    def __init__(self, quantity, price):
        self.quantity = quantity
        self.price = price


o = Order(3, 10)
print(o.quantity * o.price, sorted(vars(o)), type(Order.quantity).__name__)
try:
    o.quantity = -1
except ValueError as e:
    print("ValueError:", e)


class Lazy:
    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.func.__name__] = value
        setattr(obj, self.func.__name__, value)
        return value


class Report:
    @Lazy
    def total(self):
        print("computing")
        return 42


r = Report()
print(r.total, r.total)


class Base:
    kinds = []

    def __init_subclass__(cls):
        Base.kinds.append(cls.__name__)


class Csv(Base):
    pass


class Json(Base):
    pass


print(Base.kinds)
