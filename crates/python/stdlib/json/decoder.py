"""json.decoder: JSONDecoder and JSONDecodeError (with the line and column of the mistake)."""


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WS = ' \t\n\r'
_CONSTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': float('-inf')}
_UNESC = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTS.__getitem__
        self.strict = strict

    def decode(self, s):
        obj, end = self.raw_decode(s, self._ws(s, 0))
        end = self._ws(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return self._value(s, idx)

    @staticmethod
    def _ws(s, i):
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        c = s[i:i + 1]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        for word, value in (('null', None), ('true', True), ('false', False)):
            if s.startswith(word, i):
                return value, i + len(word)
        for word in ('NaN', 'Infinity', '-Infinity'):
            if s.startswith(word, i):
                return self.parse_constant(word), i + len(word)
        return self._number(s, i)

    def _number(self, s, i):
        n, j = len(s), i
        if j < n and s[j] == '-':
            j += 1
        if j < n and s[j] == '0':
            j += 1
        elif j < n and '1' <= s[j] <= '9':
            while j < n and '0' <= s[j] <= '9':
                j += 1
        else:
            raise JSONDecodeError('Expecting value', s, i)
        end_int, is_float = j, False
        if j + 1 < n and s[j] == '.' and '0' <= s[j + 1] <= '9':
            j += 2
            while j < n and '0' <= s[j] <= '9':
                j += 1
            is_float = True
        if j < n and s[j] in 'eE':
            k = j + 1
            if k < n and s[k] in '+-':
                k += 1
            if k < n and '0' <= s[k] <= '9':
                while k < n and '0' <= s[k] <= '9':
                    k += 1
                j, is_float = k, True
        text = s[i:j]
        return (self.parse_float(text) if is_float else self.parse_int(text)), j

    def _string(self, s, i):
        start, n, chunks = i - 1, len(s), []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != '\\' and (s[j] >= ' ' or not self.strict):
                j += 1
            chunks.append(s[i:j])
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            c = s[j]
            if c == '"':
                return ''.join(chunks), j + 1
            if c != '\\':
                raise JSONDecodeError('Invalid control character at', s, j)
            esc = s[j + 1:j + 2]
            if not esc:
                raise JSONDecodeError('Unterminated string starting at', s, start)
            if esc != 'u':
                if esc not in _UNESC:
                    raise JSONDecodeError('Invalid \\escape', s, j)
                chunks.append(_UNESC[esc])
                i = j + 2
                continue
            code = self._hex4(s, j)
            i = j + 6
            if 0xD800 <= code <= 0xDBFF and s[i:i + 2] == '\\u':
                low = self._hex4(s, i)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                    i += 6
            chunks.append(chr(code))

    @staticmethod
    def _hex4(s, j):
        digits = s[j + 2:j + 6]
        if len(digits) != 4 or any(d not in _HEX for d in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', s, j + 1)
        return int(digits, 16)

    def _object(self, s, i):
        pairs = []
        i = self._ws(s, i)
        if s[i:i + 1] == '}':
            return self._finish_object(pairs), i + 1
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
            key, i = self._string(s, i + 1)
            i = self._ws(s, i)
            if s[i:i + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._ws(s, i + 1)
            value, i = self._value(s, i)
            pairs.append((key, value))
            i = self._ws(s, i)
            c = s[i:i + 1]
            if c == '}':
                return self._finish_object(pairs), i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._ws(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        return obj if self.object_hook is None else self.object_hook(obj)

    def _array(self, s, i):
        values = []
        i = self._ws(s, i)
        if s[i:i + 1] == ']':
            return values, i + 1
        while True:
            value, i = self._value(s, i)
            values.append(value)
            i = self._ws(s, i)
            c = s[i:i + 1]
            if c == ']':
                return values, i + 1
            if c != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._ws(s, i + 1)
