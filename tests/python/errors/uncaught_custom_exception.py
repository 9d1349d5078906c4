# A user-defined exception raised and not caught: its class lives in __main__, so the last line is
# `InsufficientFunds: …` without a module prefix.
class InsufficientFunds(Exception):
    pass

def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"balance {balance} < {amount}")
    return balance - amount

print(withdraw(100, 30))
print(withdraw(100, 300))
