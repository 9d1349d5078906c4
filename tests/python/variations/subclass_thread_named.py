# A Thread subclass that passes name= and daemon= to Thread.__init__ and reads them back; the names are
# the program's own, so they print the same in every run.
import threading

class Ticker(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"ticker-{n}", daemon=True)
        self.n = n
        self.seen = None

    def run(self):
        self.seen = threading.current_thread().name

tickers = [Ticker(n) for n in range(3)]
for t in tickers: t.start()
for t in tickers: t.join()
print([t.name for t in tickers])
print([t.seen for t in tickers])
print([t.daemon for t in tickers])
