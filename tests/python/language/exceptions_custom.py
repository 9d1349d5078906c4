# User-defined exception classes: a hierarchy, extra attributes, __str__ from the arguments, and
# except clauses matching a base class.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, resource, key):
        super().__init__(f"{resource} {key!r} not found")
        self.resource = resource
        self.key = key

class Forbidden(AppError):
    pass

for exc in (NotFound("user", "ada"), Forbidden("no access"), AppError()):
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.resource, e.key)
    except AppError as e:
        print(type(e).__name__ + ":", repr(str(e)), isinstance(e, Exception))
