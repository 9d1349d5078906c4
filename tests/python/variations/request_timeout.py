# A timeout shorter than the server's latency: requests.get raises requests.Timeout (a ReadTimeout)
# after waiting the timeout, and it is also a RequestException and an OSError, as in the real module.
import time
import requests

start = time.perf_counter()
try:
    requests.get("https://api.github.com/users/torvalds", timeout=0.05)
except requests.Timeout as e:
    print(type(e).__name__)
    print(e)
    print(isinstance(e, requests.RequestException), isinstance(e, OSError), isinstance(e, IOError))
elapsed = time.perf_counter() - start
print(0.04 < elapsed < 0.25)
