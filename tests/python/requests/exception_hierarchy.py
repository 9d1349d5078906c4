# The stub's exceptions have the real module's family tree: everything is a RequestException, which is
# an OSError (IOError).
import requests

for cls in (requests.HTTPError, requests.ConnectionError, requests.Timeout, requests.ReadTimeout):
    print(cls.__name__, issubclass(cls, requests.RequestException), issubclass(cls, OSError))
print(issubclass(requests.ReadTimeout, requests.Timeout), requests.RequestException.__mro__[1].__name__)
print(IOError is OSError)
