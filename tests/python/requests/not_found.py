# An unknown user gives GitHub's 404: ok is False, json() is GitHub's error body, and
# raise_for_status() raises HTTPError with requests' message.
import requests

r = requests.get("https://api.github.com/users/nobody-here")
print(r.status_code, r.ok, r.reason, r.json()["message"])
try:
    r.raise_for_status()
except requests.HTTPError as e:
    print(e)
    print(e.response is r, isinstance(e, requests.RequestException))
