# Any other URL answers 200 with a small HTML page that is not JSON; params become a query string.
import requests

r = requests.get("https://www.python.org/")
print(r.status_code, r.text)
r = requests.get("https://api.github.com/search/users", params={"q": "guido", "per_page": 1})
print(r.url)
try:
    r.json()
except requests.RequestException as e:
    print(type(e).__name__, e)
