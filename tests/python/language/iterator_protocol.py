# A class that is its own iterator (__iter__ returning self, __next__ raising StopIteration), used by
# for, list(), sum() and unpacking.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

for n in Countdown(3):
    print(n)
print(list(Countdown(4)), sum(Countdown(10)))
a, b = Countdown(2)
print(a, b)
c = Countdown(2)
print(list(c), list(c))
