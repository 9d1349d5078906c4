# A deque with maxlen keeps the newest items: appending to a full deque drops one from the other
# end (a sliding window, the last N log lines), extend keeps the last maxlen items, maxlen is
# read-only information in the repr, and maxlen=0 keeps nothing.
from collections import deque

recent = deque(maxlen=3)
for line in ["boot", "load", "run", "warn", "stop"]:
    recent.append(line)
    print(list(recent))
print(recent, recent.maxlen, len(recent))
recent.appendleft("first")
print(recent)
recent.extend(range(10))
print(recent)
window = deque([1, 2, 3], maxlen=3)
total = sum(window)
for x in [4, 5, 6]:
    total += x - window[0]
    window.append(x)
    print(window, total, total == sum(window))
print(deque([1, 2, 3], maxlen=0), deque(maxlen=2).maxlen, deque().maxlen)
try:
    deque(maxlen=-1)
except ValueError as e:
    print("ValueError:", e)
