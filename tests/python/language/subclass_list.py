# A class derived from list: the list's methods, indexing, slicing, len, iteration, repr, ==, +=
# and sorted() act on the list it is, while the subclass adds methods, attributes and overrides
# (calling the list's own method through super()).
class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name

    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    def append(self, item):
        print(f"{self.name}: push {item!r}")
        super().append(item)


s = Stack("jobs", [3, 1])
s.push(2)
print(s, len(s), s.peek(), s[0], s[1:], 1 in s, 9 in s)
print(type(s).__name__, isinstance(s, list), isinstance(s, Stack), type(s) is list)
print(s == [3, 1, 2], s != [3, 1], bool(s), bool(Stack("empty")))
print(sorted(s), list(reversed(s)), sum(s), max(s), [x * 10 for x in s])
s += [7]
print(type(s).__name__, s, s.name)
s.sort()
print(s, s.pop(), s, s.index(2), s.count(3))
s[0] = 100
del s[1]
print(s, s + [0], type(s + [0]).__name__, s * 2)
a, b = s
print(a, b, str(s), repr(s), f"{s}")


class Plain(list):
    pass


p = Plain("abc")
p.extend("de")
print(p, len(p), "".join(p), p.copy(), type(p.copy()).__name__)
print(Plain(), Plain(range(3)), list.__len__(p), vars(p))
