# /delay/<s> answers after s seconds: a longer timeout waits for it, a shorter one raises ReadTimeout;
# a (connect, read) tuple uses its read part.
import requests

print(requests.get("https://httpbin.org/delay/0.1", timeout=1).json())
for timeout in (0.05, (5, 0.05)):
    try:
        requests.get("https://httpbin.org/delay/0.5", timeout=timeout)
    except requests.Timeout as e:
        print(type(e).__name__, e)
