# Counter arithmetic keeps only positive counts: + and - combine counts, | takes the maximum and &
# the minimum, unary + and - drop the rest; in-place versions update the left side; equality
# treats missing keys as zero and comparisons are subset checks.
from collections import Counter

a = Counter(apples=3, pears=1, plums=0)
b = Counter(apples=1, pears=4, kiwis=2)
print(a + b)
print(a - b, b - a)
print(a | b, a & b)
print(+Counter(x=-1, y=2), -Counter(x=-1, y=2))
a += Counter(pears=2)
print(a)
a -= Counter(apples=5)
print(a)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2, b=1), Counter(a=3) < Counter(a=2), Counter(a=2) >= Counter(a=1))
inventory = Counter()
for order in [["apple", "pear"], ["apple"], ["plum", "apple"]]:
    inventory.update(order)
print(inventory.most_common(), sum(inventory.values()))
try:
    Counter(a=1) + {"a": 1}
except TypeError as e:
    print("TypeError:", e)
