# PriorityQueue with (priority, counter, item) triples: the counter breaks ties, so items that cannot
# be compared (dicts) never are, and equal priorities come out in insertion order.
import queue

pq = queue.PriorityQueue()
tasks = [(2, {"name": "b"}), (1, {"name": "a"}), (2, {"name": "c"}), (0, {"name": "z"})]
for counter, (priority, task) in enumerate(tasks):
    pq.put((priority, counter, task))
while not pq.empty():
    priority, _, task = pq.get()
    print(priority, task["name"])

bad = queue.PriorityQueue()
bad.put((1, {"x": 1}))
try:
    bad.put((1, {"x": 2}))
except TypeError as e:
    print("TypeError:", e)
