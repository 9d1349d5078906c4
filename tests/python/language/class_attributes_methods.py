# getattr/setattr/hasattr/delattr on objects, bound methods kept in variables, and methods called
# through the class with an explicit self.
class Box:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return len(self.items)

b = Box()
add = b.add
print(add("a"), add("b"), Box.add(b, "c"), b.items)
print(getattr(b, "items"), getattr(b, "missing", "default"), hasattr(b, "add"))
setattr(b, "color", "red")
print(b.color)
delattr(b, "color")
print(hasattr(b, "color"))
print(callable(add), callable(b.items))
