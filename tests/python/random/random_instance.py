# random.Random(seed) is a generator of its own: two with the same seed agree, and using one does not
# move the module's shared generator.
import random

a = random.Random(7)
b = random.Random(7)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
print(a.randint(1, 100), b.randint(1, 100))
random.seed(1)
first = random.random()
random.seed(1)
random.Random(99).random()
print(random.random() == first)
