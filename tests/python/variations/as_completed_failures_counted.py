# §4 with a mix of failures and short timeouts: which future finishes first depends on the schedule,
# so the outcomes are counted per kind instead of printed in order.
from concurrent.futures import ThreadPoolExecutor, as_completed
import requests

targets = urls + [
    "https://api.github.com/users/nobody-here",
    "https://httpbin.org/status/500",
    "https://httpbin.org/delay/3",
    "https://no-such-host.invalid/",
]

def risky_fetch(url):
    res = requests.get(url, timeout=0.5)
    res.raise_for_status()
    return res.json()

counts = {}
with ThreadPoolExecutor(max_workers=10) as pool:
    future_to_url = {pool.submit(risky_fetch, url): url for url in targets}
    for future in as_completed(future_to_url):
        try:
            future.result()
            kind = "ok"
        except Exception as e:
            kind = type(e).__name__
        counts[kind] = counts.get(kind, 0) + 1

for kind in sorted(counts):
    print(kind, counts[kind])
