# string: the constants, capwords, Template's $name/${name}/$$ with substitute (KeyError for a
# missing name, ValueError with line and column for a bad placeholder) and safe_substitute (which
# leaves both in place), get_identifiers, is_valid, a subclass with another delimiter.
import string
from string import Template

print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable), string.ascii_letters[20:30])
print(string.capwords(" hello   big world "), string.capwords("a-b-c", "-"))
t = Template("$who likes ${what}s; costs $$5")
print(t.substitute(who="Ada", what="apple"), t.substitute({"who": "Bob", "what": "pear"}, who="Cy"))
print(t.safe_substitute(who="Ada"), t.get_identifiers(), t.is_valid(), t.template)
print(Template("$a$b ${a}x $_under $a1").substitute(a=1, b=2, _under="u", a1="A"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
bad = Template("fine\nthen $ bad")
print(bad.safe_substitute(), bad.is_valid())
for tmpl in ("cost: $5", "line1\nline2 ${unclosed", "${}"):
    try:
        Template(tmpl).substitute(unclosed=1)
    except ValueError as e:
        print("ValueError:", e)


class Percent(Template):
    delimiter = "%"


print(Percent("%name is %%%pct").substitute(name="rate", pct=5))
