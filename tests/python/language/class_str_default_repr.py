# Without __repr__, an object's repr names its class and an address that changes from run to run; a
# learner's program prints only the deterministic part. With __str__ alone, print uses it but lists
# show the repr.
class Plain:
    pass

class OnlyStr:
    def __str__(self):
        return "only str"

r = repr(Plain())
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"))
print(OnlyStr(), str(OnlyStr()), repr([OnlyStr()]).startswith("[<__main__.OnlyStr object at"))
print(Plain.__name__, type(Plain()).__name__, Plain.__module__)
