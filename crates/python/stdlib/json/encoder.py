"""json.encoder: JSONEncoder."""

_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _quote(s, ascii_only):
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
        elif c < ' ':
            out.append(f'\\u{ord(c):04x}')
        elif ascii_only and c > '~':
            n = ord(c)
            if n > 0xFFFF:
                n -= 0x10000
                out.append(f'\\u{0xD800 | (n >> 10):04x}\\u{0xDC00 | (n & 0x3FF):04x}')
            else:
                out.append(f'\\u{n:04x}')
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        out = []
        self._encode(o, out, 0, {} if self.check_circular else None)
        return ''.join(out)

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == float('inf'):
            text = 'Infinity'
        elif o == -float('inf'):
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def _encode(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple, dict)):
            if markers is not None:
                if id(o) in markers:
                    raise ValueError('Circular reference detected')
                markers[id(o)] = o
            if isinstance(o, dict):
                self._dict(o, out, level, markers)
            else:
                self._list(o, out, level, markers)
            if markers is not None:
                del markers[id(o)]
        else:
            if markers is not None:
                if id(o) in markers:
                    raise ValueError('Circular reference detected')
                markers[id(o)] = o
            self._encode(self.default(o), out, level, markers)
            if markers is not None:
                del markers[id(o)]

    def _open(self, out, bracket, level):
        out.append(bracket)
        if self.indent is None:
            return self.item_separator
        out.append('\n' + self.indent * (level + 1))
        return self.item_separator + '\n' + self.indent * (level + 1)

    def _close(self, out, bracket, level):
        if self.indent is not None:
            out.append('\n' + self.indent * level)
        out.append(bracket)

    def _list(self, o, out, level, markers):
        if not o:
            out.append('[]')
            return
        sep = self._open(out, '[', level)
        for i, v in enumerate(o):
            if i:
                out.append(sep)
            self._encode(v, out, level + 1, markers)
        self._close(out, ']', level)

    def _dict(self, o, out, level, markers):
        if not o:
            out.append('{}')
            return
        sep = self._open(out, '{', level)
        items = sorted(o.items()) if self.sort_keys else o.items()
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = self._float(k)
            elif k is True:
                k = 'true'
            elif k is False:
                k = 'false'
            elif k is None:
                k = 'null'
            elif isinstance(k, int):
                k = int.__repr__(k)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {k.__class__.__name__}')
            if not first:
                out.append(sep)
            first = False
            out.append(_quote(k, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(v, out, level + 1, markers)
        self._close(out, '}', level)
