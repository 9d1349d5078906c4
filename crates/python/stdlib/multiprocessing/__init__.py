"""multiprocessing, written in Python on the native `_mp`: each Process is a separate interpreter
(its own GIL, modules and pid) that starts as a copy of its parent (fork, as on Linux); Pool and
Queue move values between processes by copy, with pickle's rules."""

import os
import sys
import threading
import time

import _mp
import _thread

TimeoutError = TimeoutError


class ProcessError(Exception):
    pass


class AuthenticationError(ProcessError):
    pass


_counter = 0
_children = []


def cpu_count():
    return os.cpu_count()


class Process:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        global _counter
        assert group is None, "group argument must be None for now"
        _counter += 1
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs else {}
        self._name = name or "Process-%d" % _counter
        self._daemonic = bool(daemon) if daemon is not None else False
        self._pid = None
        self._exitcode = None
        self._result = None

    def __repr__(self):
        status = "initial"
        if self._pid is not None:
            status = "started" if self._exitcode is None else "stopped exitcode=%s" % self._exitcode
        return "<%s name='%s' %s>" % (type(self).__name__, self._name, status)

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._pid is not None:
            raise AssertionError("cannot start a process twice")
        # The child's exit code comes back here; join() waits for it (the trace's "join").
        self._result = _mp.Channel("join")
        self._pid = _mp.start(_bootstrap, (self, self._result))
        _children.append(self)

    def join(self, timeout=None):
        if self._pid is None:
            raise AssertionError("can only join a started process")
        if self._exitcode is None:
            try:
                self._exitcode = self._result.get(True, timeout)
            except TimeoutError:
                pass

    def is_alive(self):
        if self._pid is None or self._exitcode is not None:
            return False
        try:
            self._exitcode = self._result.get(False)
        except TimeoutError:
            return True
        return False

    def terminate(self):
        self._signal("terminate", 15)

    def kill(self):
        self._signal("kill", 9)

    def _signal(self, method, signum):
        if self._pid is None:
            raise AttributeError(f"'NoneType' object has no attribute '{method}'")
        # As a signal: a process still running ends now, with the exit code -signum.
        if self.is_alive():
            _mp.terminate(self._pid)
            self._exitcode = -signum

    def close(self):
        pass

    @property
    def exitcode(self):
        self.is_alive()
        return self._exitcode

    @property
    def pid(self):
        return self._pid

    ident = pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._daemonic = daemonic


class _MainProcess(Process):
    def __init__(self):
        self._name = "MainProcess"
        self._pid = os.getpid()
        self._exitcode = None
        self._daemonic = False
        self._target = None


_current = _MainProcess()


def current_process():
    return _current


def parent_process():
    return None


def active_children():
    return [p for p in _children if p.is_alive()]


def _bootstrap(process, result):
    global _current, _children
    _current = process
    _children = []
    process._pid = os.getpid()
    _mp.set_process_name(process._name)
    # Starting a process is not free: the fork and bootstrap of CPython, on the child's clock.
    _thread._sleep(_mp.START_COST, "startup")
    code = 0
    try:
        process.run()
    except SystemExit as e:
        if e.code is None:
            code = 0
        elif isinstance(e.code, int):
            code = e.code
        else:
            sys.stderr.write(str(e.code) + "\n")
            code = 1
    except BaseException as e:
        _mp.report(e, process._name)
        code = 1
    try:
        threading._shutdown()
    except BaseException:
        pass
    result.put(code)


def _exit_function():
    # As CPython's atexit hook: wait for the non-daemonic children.
    for p in list(_children):
        if not p._daemonic:
            p.join()


threading._register_atexit(_exit_function)


class Queue:
    def __init__(self, maxsize=0):
        self._chan = _mp.Channel()
        self._maxsize = maxsize

    def put(self, obj, block=True, timeout=None):
        self._chan.put(obj)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        import queue
        try:
            return self._chan.get(block, timeout)
        except TimeoutError:
            raise queue.Empty

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._chan.qsize()

    def empty(self):
        return self._chan.qsize() == 0

    def close(self):
        pass

    def join_thread(self):
        pass


SimpleQueue = Queue
JoinableQueue = Queue
Lock = threading.Lock
RLock = threading.RLock
Event = threading.Event
Semaphore = threading.Semaphore


class ApplyResult:
    def __init__(self, callback=None, error_callback=None):
        self._event = threading.Event()
        # get() waits for a worker process to send the result back (the trace's "join").
        self._event._cond._wait_reason = "join"
        self._callback = callback
        self._error_callback = error_callback
        self._ok = None
        self._value = None

    def _set(self, ok, value):
        self._ok = ok
        self._value = value
        if ok and self._callback is not None:
            self._callback(value)
        if not ok and self._error_callback is not None:
            self._error_callback(value)
        self._event.set()

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._ok

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._ok:
            return self._value
        raise self._value


AsyncResult = ApplyResult


def _pool_worker(tasks, results, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = tasks.get()
        if task is None:
            break
        job, func, args, kwds = task
        try:
            result = (job, True, func(*args, **kwds))
        except BaseException as e:
            result = (job, False, e)
        try:
            results.put(result)
        except BaseException as e:
            results.put((job, False, e))


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        self._tasks = _mp.Channel()
        self._results = _mp.Channel()
        self._jobs = {}
        self._next_job = 0
        self._lock = threading.Lock()
        self._state = "RUN"
        self._processes = processes
        self._pool = []
        for i in range(processes):
            p = Process(target=_pool_worker, args=(self._tasks, self._results, initializer, initargs),
                        name="ForkPoolWorker-%d" % (i + 1))
            p.daemon = True
            p.start()
            self._pool.append(p)
        self._collector = threading.Thread(target=self._collect, daemon=True)
        self._collector.start()

    def _collect(self):
        while True:
            item = self._results.get()
            if item is None:
                return
            job, ok, value = item
            with self._lock:
                r = self._jobs.pop(job, None)
            if r is not None:
                r._set(ok, value)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        if self._state != "RUN":
            raise ValueError("Pool not running")
        r = ApplyResult(callback, error_callback)
        with self._lock:
            job = self._next_job
            self._next_job += 1
            self._jobs[job] = r
        try:
            self._tasks.put((job, func, tuple(args), dict(kwds)))
        except BaseException as e:
            with self._lock:
                self._jobs.pop(job, None)
            r._set(False, e)
        return r

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        rs = [self.apply_async(func, (x,)) for x in iterable]
        return _MapResult(rs)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable).get()

    def starmap(self, func, iterable, chunksize=None):
        return _MapResult([self.apply_async(func, tuple(args)) for args in iterable]).get()

    def imap(self, func, iterable, chunksize=1):
        for r in [self.apply_async(func, (x,)) for x in iterable]:
            yield r.get()

    imap_unordered = imap

    def close(self):
        self._state = "CLOSE"

    def terminate(self):
        self._state = "TERMINATE"
        self._stop_workers()

    def _stop_workers(self):
        for _ in self._pool:
            self._tasks.put(None)
        for p in self._pool:
            p.join()
        self._results.put(None)
        self._pool = []

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        if self._pool:
            self._stop_workers()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.terminate()


class _MapResult:
    def __init__(self, results):
        self._results = results

    def get(self, timeout=None):
        return [r.get(timeout) for r in self._results]

    def ready(self):
        return all(r.ready() for r in self._results)

    def wait(self, timeout=None):
        for r in self._results:
            r.wait(timeout)


def get_context(method=None):
    return sys.modules.get(__name__) or __import__(__name__)


def set_start_method(method, force=False):
    pass


def get_start_method(allow_none=False):
    return "fork"
