# An exception in a descriptor's __set_name__ while a class is created becomes, in CPython 3.11,
# the cause of a RuntimeError naming the descriptor's class, the attribute and the new class.
class Checked:
    def __set_name__(self, owner, name):
        if not name.islower():
            raise ValueError(f"bad name {name}")
        self.name = name


try:
    class Form:
        ok = Checked()
        Bad = Checked()
except RuntimeError as e:
    print("RuntimeError:", e)
    print(type(e.__cause__).__name__, e.__cause__)


class Again:
    Shout = Checked()
