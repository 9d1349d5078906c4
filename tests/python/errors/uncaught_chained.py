# An exception raised from another, uncaught: both tracebacks print, joined by "The above exception
# was the direct cause of the following exception:", and the last line is the outer one's.
class ConfigError(Exception):
    pass

def port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad port {text!r}") from e

print(port("8080"))
print(port("eighty"))
