# Inheritance: overriding, super() to reach the parent's method (also in __init__), isinstance and
# issubclass along the chain, and a three-level chain.
class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def intro(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

for pet in (Animal("generic"), Dog("rex", ["sit"]), Puppy("bit", [])):
    print(pet.intro())
p = Puppy("bit", ["roll"])
print(isinstance(p, Animal), isinstance(p, Dog), issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(p.tricks, [c.__name__ for c in Puppy.__mro__])
