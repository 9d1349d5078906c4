# Class-level state and methods that use it, plus a __repr__ built from the class's name.
class Ticket:
    issued = []

    def __init__(self, owner):
        self.number = len(Ticket.issued) + 1
        self.owner = owner
        Ticket.issued.append(self)

    def __repr__(self):
        return f"{type(self).__name__}(#{self.number}, {self.owner!r})"

class VipTicket(Ticket):
    pass

for who in ("ada", "alan"):
    Ticket(who)
VipTicket("grace")
print(Ticket.issued)
print([t.number for t in Ticket.issued if isinstance(t, VipTicket)])
