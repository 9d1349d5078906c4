"""pickle: only its exceptions (what crossing between processes raises). Values cross between the
playground's processes by copy, with pickle's rules, in the native `_mp` module."""

from _mp import PickleError, PicklingError, UnpicklingError

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def dumps(obj, protocol=None):
    raise NotImplementedError("pickle.dumps is not supported by the playground yet")


def loads(data):
    raise NotImplementedError("pickle.loads is not supported by the playground yet")
