# Slicing lists, strings and ranges: start/stop/step, negatives, out-of-range bounds, reversal, and
# slice assignment and deletion.
s = "concurrency"
print(s[0:3], s[3:], s[:-3], s[-3:], s[::2], s[::-1], s[1:8:3], s[100:], s[-100:2])
n = list(range(10))
print(n[2:5], n[:3], n[7:], n[-2:], n[::3], n[8:2:-2], n[5:5])
n[2:5] = ["a", "b"]
print(n)
n[::2] = [0] * len(n[::2])
print(n)
del n[1:3]
print(n, range(10)[2:8:2], list(range(10)[::-3]))
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
