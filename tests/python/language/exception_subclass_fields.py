# Exceptions with extra fields: the subclass keeps its own attributes beside args, str() and repr()
# come from the arguments given to Exception.__init__, a __str__ override wins, and the fields
# survive raise, except, and re-raise with `from`.
class ValidationError(Exception):
    def __init__(self, field, message, code=400):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code


class RetryError(Exception):
    def __init__(self, attempts):
        self.attempts = attempts

    def __str__(self):
        return f"gave up after {self.attempts} attempts"


try:
    raise ValidationError("age", "must be positive", code=422)
except ValidationError as e:
    print(e, "|", repr(e), "|", e.args, e.field, e.code, isinstance(e, Exception))

try:
    try:
        raise ValidationError("name", "is empty")
    except ValidationError as e:
        raise RetryError(3) from e
except RetryError as e:
    print(e, e.attempts, e.args, type(e.__cause__).__name__, e.__cause__.field)


class NotFound(LookupError):
    pass


try:
    {}["k"]
except LookupError as e:
    print(type(e).__name__, e)
try:
    raise NotFound("user 7")
except KeyError:
    print("not a KeyError")
except LookupError as e:
    print("LookupError caught:", e, e.args)

raise ValidationError("email", "is invalid")
