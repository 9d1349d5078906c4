# Thread(target=, args=, kwargs=): positional and keyword arguments reach the target; its return value
# is discarded, so results come back through shared state.
import threading

out = {}

def greet(name, greeting="hello", punctuation="!"):
    out[name] = f"{greeting}, {name}{punctuation}"
    return "discarded"

threads = [
    threading.Thread(target=greet, args=("ada",)),
    threading.Thread(target=greet, args=("alan", "hi")),
    threading.Thread(target=greet, args=("grace",), kwargs={"punctuation": "?"}),
    threading.Thread(target=greet, kwargs={"name": "linus", "greeting": "hey"}),
]
for t in threads: t.start()
for t in threads: t.join()
for name in sorted(out):
    print(out[name])
