"""The playground's string: the constants, capwords and Template (substitute, safe_substitute)."""

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_START = ascii_letters + '_'
_REST = _START + digits


class Template:
    """$-substitutions: `$name`, `${name}`, `$$` for a dollar (no regular expressions here)."""
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _parts(self):
        # (literal text, name or None, start of the placeholder or -1 for an invalid one)
        s, d, i, n = self.template, self.delimiter, 0, len(self.template)
        text = []
        while i < n:
            j = s.find(d, i)
            if j < 0:
                text.append(s[i:])
                break
            text.append(s[i:j])
            k = j + len(d)
            if s.startswith(d, k):
                text.append(d)
                i = k + len(d)
                continue
            braced = s.startswith('{', k)
            m = k + 1 if braced else k
            e = m
            if e < n and s[e] in _START:
                e += 1
                while e < n and s[e] in _REST:
                    e += 1
            if e > m and (not braced or s.startswith('}', e)):
                yield ''.join(text), s[m:e], j
                text = []
                i = e + 1 if braced else e
            else:
                yield ''.join(text), None, j
                text = []
                i = k
        yield ''.join(text), None, -2

    def _invalid(self, pos):
        pos += len(self.delimiter)
        lines = self.template[:pos].splitlines(keepends=True)
        if not lines:
            colno, lineno = 1, 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')

    def substitute(self, mapping=None, /, **kws):
        mapping = kws if mapping is None else {**mapping, **kws} if kws else mapping
        out = []
        for text, name, pos in self._parts():
            out.append(text)
            if name is not None:
                out.append(str(mapping[name]))
            elif pos >= 0:
                self._invalid(pos)
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        mapping = kws if mapping is None else {**mapping, **kws} if kws else mapping
        out = []
        for text, name, pos in self._parts():
            out.append(text)
            if name is not None:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(self._raw(pos, name))
            elif pos >= 0:
                out.append(self.delimiter)
        return ''.join(out)

    def _raw(self, pos, name):
        k = pos + len(self.delimiter)
        return self.template[pos:k + len(name) + 2] if self.template.startswith('{', k) else self.delimiter + name

    def get_identifiers(self):
        ids = []
        for text, name, pos in self._parts():
            if name is not None and name not in ids:
                ids.append(name)
            elif name is None and pos >= 0:
                self._invalid(pos)
        return ids

    def is_valid(self):
        return all(name is not None or pos < 0 for text, name, pos in self._parts())
