# uniform(a, b) and sample(population, k) after seeding; a sample bigger than the population is a
# ValueError.
import random

random.seed(42)
print([random.uniform(1, 10) for _ in range(3)])
print(random.uniform(-1, 1))
print(random.sample(range(100), 5))
print(random.sample(["a", "b", "c", "d"], 4))
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError:", e)
