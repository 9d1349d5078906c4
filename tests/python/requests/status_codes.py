# httpbin-style /status/<code>: 2xx pass raise_for_status, 4xx are Client Errors and 5xx Server
# Errors; an empty body is not JSON.
import requests

for code in (204, 418, 503):
    r = requests.get(f"https://httpbin.org/status/{code}")
    try:
        r.raise_for_status()
        print(code, "ok", r.ok)
    except requests.HTTPError as e:
        print(code, e)
try:
    requests.get("https://httpbin.org/status/200").json()
except requests.JSONDecodeError as e:
    print("JSONDecodeError:", e)
