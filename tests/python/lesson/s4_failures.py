# §4's risky_fetch with the failures the section is about: an unknown user (404 from
# raise_for_status) and a server slower than the 2 s timeout (requests.Timeout after 2 s, so this
# program takes about two seconds). as_completed's order depends on the latencies, so the lines are
# collected and printed sorted.
# slow: the 2 s timeout is the listing's own; the timed-out request waits all of it.
from concurrent.futures import ThreadPoolExecutor, as_completed
import requests

urls = [
    "https://api.github.com/users/torvalds",
    "https://api.github.com/users/gvanrossum",
    "https://api.github.com/users/nobody-here",
    "https://api.github.com/users/antirez",
    "https://httpbin.org/delay/10",
]

def risky_fetch(url: str) -> dict:
    res = requests.get(url, timeout=2)
    res.raise_for_status()
    return res.json()

lines = []
with ThreadPoolExecutor(max_workers=10) as pool:
    future_to_url = {pool.submit(risky_fetch, url): url for url in urls}
    for future in as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
            lines.append(f"✅ {url}: {data['name']}")
        except Exception as e:
            lines.append(f"❌ {url} failed: {type(e).__name__}: {e}")

for line in sorted(lines):
    print(line)
