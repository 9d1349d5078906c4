"""A simulated `requests` for the playground: the lesson's `requests.get`, without a network.

The lesson's listings call `requests.get(url, timeout=...)` on GitHub's API. The playground must run
them in a browser and give the same result every time, so this module never touches the network:
`get` waits a deterministic latency with `time.sleep` (which releases the GIL, as a socket read does)
and answers from a small table. (In the playground the wait is `_thread._sleep(seconds, "network")`,
a sleep its trace shows as network I/O.) The same file runs under CPython (through
`tests/python/cpython_run.py`) and under the playground's interpreter, so the corpus can compare
them; it is written in the plain subset the interpreter supports: classes, dicts, f-strings,
exceptions.

What it knows:
- `https://api.github.com/users/<login>` for the lesson's three users, torvalds, gvanrossum and
  antirez (a snapshot of their public profiles; counts such as `public_repos` drift over time).
  Their latencies are 100 ms apart (antirez 80 ms, gvanrossum 180 ms, torvalds 280 ms), so the order
  in which `as_completed` yields them is stable. Any other login gives GitHub's 404.
- httpbin.org-style paths on any host: `/status/<code>` answers with that status code and
  `/delay/<seconds>` answers after that many seconds (a way to make a request time out).
- Hosts under `.invalid` (a name reserved never to resolve) raise `ConnectionError`.
- Any other http(s) URL answers 200 with a small HTML page, after a latency of 50 to 300 ms derived
  from the URL's characters (never from `hash()`, which CPython randomises per process).

The exceptions have the real module's shape: `RequestException` is an `OSError` (`IOError`), and
`HTTPError`, `ConnectionError`, `Timeout` (with `ReadTimeout` under it), `MissingSchema` and
`JSONDecodeError` derive from it. Messages follow requests' wording.
"""

import time

try:
    # The playground's interpreter: a sleep that its trace shows as network I/O.
    from _thread import _sleep as _wait
except ImportError:
    # CPython: a plain sleep.
    def _wait(seconds, reason):
        time.sleep(seconds)

__all__ = [
    "get",
    "Response",
    "RequestException",
    "HTTPError",
    "ConnectionError",
    "Timeout",
    "ReadTimeout",
    "MissingSchema",
    "JSONDecodeError",
]


class RequestException(IOError):
    """The base of every error this module raises, an `OSError` like requests' own."""

    def __init__(self, *args, response=None, request=None):
        super().__init__(*args)
        self.response = response
        self.request = request


class HTTPError(RequestException):
    """Raised by `Response.raise_for_status()` for a 4xx or 5xx answer."""


class ConnectionError(RequestException):
    """The host could not be reached (here: any host under `.invalid`)."""


class Timeout(RequestException):
    """The answer did not come within the `timeout` the caller gave."""


class ReadTimeout(Timeout):
    """The server did not send its answer in time: what `get` raises on a timeout."""


class MissingSchema(RequestException):
    """The URL has no `http://` or `https://` in front."""


class JSONDecodeError(RequestException):
    """`Response.json()` on a body that is not JSON."""


# The lesson's three users: fields as GitHub's API names them. The ids and names are theirs; the
# counts are a snapshot and only illustrative.
USERS = {
    "torvalds": {
        "login": "torvalds",
        "id": 1024025,
        "type": "User",
        "name": "Linus Torvalds",
        "company": "Linux Foundation",
        "blog": "",
        "location": "Portland, OR",
        "public_repos": 7,
        "followers": 200000,
        "html_url": "https://github.com/torvalds",
    },
    "gvanrossum": {
        "login": "gvanrossum",
        "id": 2894642,
        "type": "User",
        "name": "Guido van Rossum",
        "company": "Microsoft",
        "blog": "https://gvanrossum.github.io/",
        "location": "San Francisco Bay Area",
        "public_repos": 20,
        "followers": 23000,
        "html_url": "https://github.com/gvanrossum",
    },
    "antirez": {
        "login": "antirez",
        "id": 65632,
        "type": "User",
        "name": "Salvatore Sanfilippo",
        "company": None,
        "blog": "http://invece.org",
        "location": "Catania, Sicily, Italy",
        "public_repos": 60,
        "followers": 23000,
        "html_url": "https://github.com/antirez",
    },
}

# Seconds each known user takes to answer; 100 ms apart so that completion order is stable.
USER_LATENCY = {"antirez": 0.08, "gvanrossum": 0.18, "torvalds": 0.28}

NOT_FOUND = {
    "message": "Not Found",
    "documentation_url": "https://docs.github.com/rest",
    "status": "404",
}

REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    408: "Request Timeout",
    418: "I'M A TEAPOT",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def _json_string(s):
    # JSON's string syntax for the plain ASCII text this module serves: quotes and backslashes
    # escaped, as json.dumps writes them.
    out = ""
    for ch in s:
        if ch == '"' or ch == "\\":
            out += "\\" + ch
        elif ch == "\n":
            out += "\\n"
        else:
            out += ch
    return '"' + out + '"'


def _to_json(value):
    # A small json.dumps (default separators) for the values in the tables above, so the module
    # needs no `json` import.
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _json_string(value)
    if isinstance(value, dict):
        items = [_json_string(k) + ": " + _to_json(v) for k, v in value.items()]
        return "{" + ", ".join(items) + "}"
    items = [_to_json(v) for v in value]
    return "[" + ", ".join(items) + "]"


class Response:
    """What `get` returns: `status_code`, `ok`, `url`, `reason`, `text`, `headers`, `json()` and
    `raise_for_status()`, like requests' `Response`."""

    def __init__(self, url, status_code, payload=None, text=None):
        self.url = url
        self.status_code = status_code
        self.reason = REASONS.get(status_code, "")
        self._payload = payload
        if text is None:
            text = _to_json(payload)
        self.text = text
        if payload is None:
            content_type = "text/html; charset=utf-8"
        else:
            content_type = "application/json; charset=utf-8"
        self.headers = {"Content-Type": content_type}
        # A plain attribute rather than requests' property: the interpreter's subset has no
        # decorators, and the value never changes.
        self.ok = status_code < 400

    def json(self):
        if self._payload is None:
            raise JSONDecodeError("Expecting value: line 1 column 1 (char 0)")
        # A fresh copy each time, as parsing the text again would give.
        if isinstance(self._payload, dict):
            return dict(self._payload)
        return list(self._payload)

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            kind = "Client Error"
        elif 500 <= self.status_code < 600:
            kind = "Server Error"
        else:
            return
        raise HTTPError(f"{self.status_code} {kind}: {self.reason} for url: {self.url}", response=self)

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f"<Response [{self.status_code}]>"


def _split(url):
    # "https://api.github.com/users/x" -> ("https", "api.github.com", "/users/x").
    if url.startswith("https://"):
        scheme, rest = "https", url[8:]
    elif url.startswith("http://"):
        scheme, rest = "http", url[7:]
    else:
        raise MissingSchema(f"Invalid URL '{url}': No scheme supplied. Perhaps you meant https://{url}?")
    slash = rest.find("/")
    if slash < 0:
        return scheme, rest, "/"
    return scheme, rest[:slash], rest[slash:]


def _latency(url):
    # 50 to 300 ms, the same for the same URL in every run and every interpreter.
    total = 0
    for ch in url:
        total = (total * 31 + ord(ch)) % 1000003
    return (50 + total % 251) / 1000


def _answer(url, host, path):
    # (seconds to wait, status code, JSON payload or None, text or None) for a URL.
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "delay":
        return float(parts[1]), 200, {"url": url, "delay": parts[1]}, None
    if len(parts) == 2 and parts[0] == "status":
        code = int(parts[1])
        return _latency(url), code, None, ""
    if host == "api.github.com" and len(parts) == 2 and parts[0] == "users":
        login = parts[1]
        if login in USERS:
            return USER_LATENCY[login], 200, USERS[login], None
        return _latency(url), 404, NOT_FOUND, None
    text = f"<html><body><h1>{host}</h1></body></html>"
    return _latency(url), 200, None, text


def get(url, params=None, timeout=None, **kwargs):
    """Fetch `url` from the simulated network: waits the URL's latency (or `timeout`, if that is
    shorter, then raises `ReadTimeout`) and returns a `Response`."""
    if params:
        # The query string requests would build (no escaping: the simulated hosts ignore it).
        query = "&".join([f"{key}={value}" for key, value in params.items()])
        url = url + ("&" if "?" in url else "?") + query
    scheme, host, path = _split(url)
    path = path.split("?")[0]
    port = 443 if scheme == "https" else 80
    pool = "HTTPSConnectionPool" if scheme == "https" else "HTTPConnectionPool"
    if isinstance(timeout, tuple):
        timeout = timeout[1]
    if host.endswith(".invalid"):
        _wait(_latency(url), "network")
        raise ConnectionError(
            f"{pool}(host='{host}', port={port}): Max retries exceeded with url: {path} "
            f"(Caused by NameResolutionError(\"Failed to resolve '{host}'\"))"
        )
    seconds, status, payload, text = _answer(url, host, path)
    if timeout is not None and seconds > timeout:
        _wait(timeout, "network")
        raise ReadTimeout(f"{pool}(host='{host}', port={port}): Read timed out. (read timeout={timeout})")
    _wait(seconds, "network")
    return Response(url, status, payload, text)
