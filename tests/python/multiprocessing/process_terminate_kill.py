# Process.terminate() and kill() end a running, spinning or blocked child with -SIGTERM/-SIGKILL;
# a finished process keeps its exit code, and an unstarted one has nothing to signal.
import multiprocessing
import time


def forever():
    while True:
        time.sleep(0.01)


def spin():
    while True:
        pass


def blocked(q):
    q.get()


if __name__ == "__main__":
    q = multiprocessing.Queue()
    ps = [
        multiprocessing.Process(target=forever),
        multiprocessing.Process(target=spin),
        multiprocessing.Process(target=blocked, args=(q,)),
    ]
    for p in ps:
        p.start()
    time.sleep(0.2)
    print([p.is_alive() for p in ps])
    ps[0].terminate()
    ps[1].kill()
    ps[2].terminate()
    for p in ps:
        p.join()
    print([p.exitcode for p in ps], [p.is_alive() for p in ps])

    done = multiprocessing.Process(target=print, args=("child done",))
    done.start()
    done.join()
    done.terminate()
    print(done.exitcode, done.is_alive())

    try:
        multiprocessing.Process(target=spin).terminate()
    except AttributeError as e:
        print("AttributeError:", e)
    print("parent still running")
