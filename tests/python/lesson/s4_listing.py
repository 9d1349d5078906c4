# §4 of the lesson exactly as written. It continues §3, so it uses `requests` and `urls` without
# defining them: the prelude supplies both. The simulated users answer 100 ms apart (antirez, then
# gvanrossum, then torvalds), so even `as_completed`'s order is the same in every run.
from concurrent.futures import ThreadPoolExecutor, as_completed

def risky_fetch(url: str) -> dict:
    res = requests.get(url, timeout=2)
    res.raise_for_status()
    return res.json()

with ThreadPoolExecutor(max_workers=10) as pool:
    future_to_url = {pool.submit(risky_fetch, url): url for url in urls}

    # as_completed — process results as they finish (not in submission order)
    for future in as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()   # raises if the function raised
            print(f"✅ {url}: {data['name']}")
        except Exception as e:
            print(f"❌ {url} failed: {e}")
