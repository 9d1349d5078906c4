# Classes: __init__, methods, class attributes shared by instances, instance attributes, and
# attributes added later.
class Account:
    bank = "PyBank"
    count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1

    def deposit(self, amount):
        self.balance += amount
        return self

    def summary(self):
        return f"{self.owner}@{self.bank}: {self.balance}"

a = Account("ada")
b = Account("alan", 100)
a.deposit(50).deposit(25)
print(a.summary(), "|", b.summary())
print(Account.count, a.count, a.bank is b.bank)
a.bank = "Other"
print(a.bank, b.bank, Account.bank)
b.nickname = "al"
print(b.nickname, hasattr(a, "nickname"))
print(type(a).__name__, isinstance(a, Account), Account.summary(b))
