# The simulated requests.get on a lesson user: status, ok, url, reason, the JSON body and its text.
import requests

r = requests.get("https://api.github.com/users/gvanrossum", timeout=5)
print(r, r.status_code, r.ok, r.reason, bool(r))
print(r.url)
user = r.json()
print(user["login"], user["id"], user["name"])
print(sorted(user))
print(r.text[:40])
print(r.headers["Content-Type"])
r.raise_for_status()
print("no error for 200")
