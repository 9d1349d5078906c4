# Trigonometry with full reprs: the values a learner prints, including sin(pi) not being 0.
import math

print(math.sin(0), math.sin(math.pi / 2), math.sin(math.pi))
print(math.cos(0), math.cos(math.pi), math.tan(math.pi / 4))
print(math.atan(1), math.atan2(1, 1), math.asin(1), math.acos(0))
print(math.sin(1), math.cos(1), math.tan(1))
