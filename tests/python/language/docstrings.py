# Docstrings: the first string of a function, class or module body is its __doc__; a body without
# one has __doc__ None, and a later string is not a docstring.
"""Module doc."""


def documented():
    """Say hi."""
    return "hi"


def undocumented():
    x = 1
    "not a docstring"
    return x


class Thing:
    """A thing."""

    def method(self):
        "Method doc."


class Bare:
    pass


print(documented.__doc__, undocumented.__doc__, Thing.__doc__, Thing.method.__doc__, Bare.__doc__)
print(Thing().__doc__, __doc__, documented(), (lambda: 0).__doc__)
