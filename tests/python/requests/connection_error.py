# A host that never resolves (.invalid) raises ConnectionError; a URL without a scheme MissingSchema.
import requests

try:
    requests.get("https://api.nowhere.invalid/users/x", timeout=1)
except requests.ConnectionError as e:
    print("ConnectionError:", e)
try:
    requests.get("api.github.com/users/torvalds")
except requests.RequestException as e:
    print(type(e).__name__ + ":", e)
