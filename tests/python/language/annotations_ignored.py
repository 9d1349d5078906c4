# Annotations on parameters, returns and variables are accepted and do not change what runs (a wrong
# annotation is not checked).
def fetch(url: str, timeout: float = 5.0) -> dict:
    return {"url": url, "timeout": timeout}

count: int = 3
label: str
print(fetch("x"))
print(fetch(42, timeout="slow"))
print(count)

def no_return() -> None:
    pass

print(no_return())
