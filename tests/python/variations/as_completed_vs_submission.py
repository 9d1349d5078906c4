# Iterating the futures directly gives submission order; as_completed gives completion order. The
# simulated users answer 100 ms apart (antirez first, torvalds last), so both orders are fixed.
from concurrent.futures import ThreadPoolExecutor, as_completed

def login(url):
    return requests.get(url, timeout=2).json()["login"]

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(login, url) for url in urls]
    print([f.result() for f in futures])

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(login, url) for url in urls]
    print([f.result() for f in as_completed(futures)])
