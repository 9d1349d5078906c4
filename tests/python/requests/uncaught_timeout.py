# A requests timeout left uncaught: the last stderr line names the class with its module,
# `requests.ReadTimeout: ...`, and the exit code is 1.
import requests

print("fetching")
requests.get("https://api.github.com/users/torvalds", timeout=0.01)
