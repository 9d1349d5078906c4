# A missing dict key: KeyError, uncaught; its message is the key's repr.
user = {"login": "torvalds", "id": 1024025}
print(user["login"])
print(user["email"])
