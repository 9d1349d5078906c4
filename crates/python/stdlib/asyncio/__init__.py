"""The playground's asyncio: CPython 3.11's event loop, futures and tasks, in their order.

One loop per `run()`: a FIFO of ready callbacks, timers ordered by deadline (then by when they
were made), tasks that step their coroutine with `send`/`throw` and wait on futures. When nothing
is ready the loop sleeps with `time.sleep` until the next timer (or waits for a worker thread of
`to_thread`/`run_in_executor`). Scheduling follows CPython's `base_events`, `futures`, `tasks`,
`locks` and `queues` step by step, so programs print in the same order.
"""

import time as _time
import threading as _threading
from collections import deque as _deque

__all__ = [
    "run", "sleep", "create_task", "gather", "wait_for", "wait", "as_completed", "shield",
    "current_task", "all_tasks", "get_running_loop", "get_event_loop", "new_event_loop",
    "Future", "Task", "Queue", "QueueEmpty", "QueueFull", "Lock", "Event", "Semaphore",
    "BoundedSemaphore", "CancelledError", "TimeoutError", "InvalidStateError", "iscoroutine",
    "ensure_future", "to_thread", "timeout", "timeout_at", "Timeout", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
]


class CancelledError(BaseException):
    pass


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


TimeoutError = TimeoutError

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"

_running_loop = None


def iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def get_event_loop():
    if _running_loop is None:
        return new_event_loop()
    return _running_loop


def new_event_loop():
    return BaseEventLoop()


class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        self._callback(*self._args)


class TimerHandle(Handle):
    def __init__(self, when, seq, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._seq = seq

    def when(self):
        return self._when

    def _key(self):
        return (self._when, self._seq)


class BaseEventLoop:
    def __init__(self):
        self._ready = _deque()
        self._scheduled = []
        self._seq = 0
        self._stopping = False
        self._closed = False
        self._current_task = None
        self._tasks = []
        # Callbacks from other threads (to_thread, run_in_executor), and how many are awaited.
        self._threadsafe = _deque()
        self._threadsafe_lock = _threading.Condition()
        self._outstanding = 0
        self._executor = None

    def time(self):
        return _time.monotonic()

    def is_running(self):
        return _running_loop is self

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    def call_soon(self, callback, *args, context=None):
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._seq += 1
        h = TimerHandle(when, self._seq, callback, args, self)
        # Insert keeping the list sorted by (deadline, order made): a binary search.
        key = h._key()
        lo, hi = 0, len(self._scheduled)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._scheduled[mid]._key() <= key:
                lo = mid + 1
            else:
                hi = mid
        self._scheduled.insert(lo, h)
        return h

    def call_soon_threadsafe(self, callback, *args, context=None):
        with self._threadsafe_lock:
            self._threadsafe.append(Handle(callback, args, self))
            self._threadsafe_lock.notify()

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)

    def stop(self):
        self._stopping = True

    def run_forever(self):
        global _running_loop
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            _running_loop = None

    def run_until_complete(self, future):
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _take_threadsafe(self, timeout):
        """Callbacks from worker threads into the ready queue; waits up to `timeout` for one."""
        with self._threadsafe_lock:
            if not self._threadsafe and timeout != 0:
                self._threadsafe_lock.wait(timeout)
            while self._threadsafe:
                self._ready.append(self._threadsafe.popleft())

    def _run_once(self):
        # Cancelled timers at the head go first (CPython drops them there too).
        while self._scheduled and self._scheduled[0]._cancelled:
            self._scheduled.pop(0)
        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = min(max(0, self._scheduled[0]._when - self.time()), 86400)
        if self._outstanding or timeout is None:
            # A worker thread may call back (or, with nothing else to wait for, someone may call
            # call_soon_threadsafe): wait for that, until the next timer if there is one. With
            # neither, CPython's loop waits forever too.
            self._take_threadsafe(timeout)
        elif timeout > 0:
            # Nothing is ready: really sleep until the next timer (the GIL is released).
            _time.sleep(timeout)
        end_time = self.time() + 1e-09
        while self._scheduled:
            h = self._scheduled[0]
            if h._when >= end_time:
                break
            self._scheduled.pop(0)
            self._ready.append(h)
        for _ in range(len(self._ready)):
            h = self._ready.popleft()
            if h._cancelled:
                continue
            h._run()

    def run_in_executor(self, executor, func, *args):
        import concurrent.futures as cf

        if executor is None:
            if self._executor is None:
                self._executor = cf.ThreadPoolExecutor()
            executor = self._executor
        return wrap_future(executor.submit(func, *args), loop=self)

    async def shutdown_default_executor(self):
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None


def _stop_loop(fut):
    fut._loop.stop()


def wrap_future(cf_future, *, loop=None):
    """An asyncio future completed (in the loop's thread) when a concurrent.futures one is."""
    if isinstance(cf_future, Future):
        return cf_future
    loop = loop or get_running_loop()
    fut = loop.create_future()
    loop._outstanding += 1

    def copy_state(source):
        if fut.done():
            return
        if source.cancelled():
            fut.cancel()
            return
        exc = source.exception()
        if exc is not None:
            fut.set_exception(exc)
        else:
            fut.set_result(source.result())

    def done(source):
        def arrive():
            loop._outstanding -= 1
            copy_state(source)

        loop.call_soon_threadsafe(arrive)

    cf_future.add_done_callback(done)
    return fut


class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        self._cancelled_exc = None

    def __repr__(self):
        return f"<{type(self).__name__} {self._state.lower()}>"

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        if not callbacks:
            return
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


_task_count = 0


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        global _task_count
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        _task_count += 1
        self._name = f"Task-{_task_count}" if name is None else str(name)
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._loop.call_soon(self._step)
        self._loop._tasks.append(self)

    def __repr__(self):
        return f"<Task {self._state.lower()} name='{self._name}' coro={self._coro!r}>"

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        if self.done():
            raise InvalidStateError(f"_step(): already done: {self!r}, {exc!r}")
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        previous = loop._current_task
        loop._current_task = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as e:
            self._cancelled_exc = e
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if result._loop is not loop:
                    self._loop.call_soon(
                        self._step,
                        RuntimeError(f"Task {self!r} got Future {result!r} attached to a different loop"),
                    )
                elif blocking:
                    if result is self:
                        self._loop.call_soon(self._step, RuntimeError(f"Task cannot await on itself: {self!r}"))
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    self._loop.call_soon(
                        self._step,
                        RuntimeError(f"yield was used instead of yield from in task {self!r} with {result!r}"),
                    )
            elif result is None:
                # A bare yield (sleep(0)) gives up the loop for one iteration.
                self._loop.call_soon(self._step)
            else:
                self._loop.call_soon(self._step, RuntimeError(f"Task got bad yield: {result!r}"))
        finally:
            loop._current_task = previous
            if self.done() and self in loop._tasks:
                loop._tasks.remove(self)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._tasks if not t.done()}


class _Sleep0:
    def __await__(self):
        yield


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    state = {"finished": 0}
    children = []
    arg_to_fut = {}
    loop = None
    outer = None

    def _done_callback(fut):
        state["finished"] += 1
        if outer is None or outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["finished"] == len(arg_to_fut):
            results = []
            for f in children:
                if f.cancelled():
                    res = CancelledError("" if f._cancel_message is None else f._cancel_message)
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        key = id(arg)
        if key not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            arg_to_fut[key] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[key]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()

    def cb(f):
        _release_waiter(waiter)

    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    fs = set(ensure_future(f) for f in fs)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    loop = get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (
            counter[0] <= 0
            or return_when == FIRST_COMPLETED
            or return_when == FIRST_EXCEPTION and (not f.cancelled() and f.exception() is not None)
        ):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in fs]
    done = _deque()
    waiters = _deque()
    timeout_handle = None

    def _wake_one():
        while waiters:
            w = waiters.popleft()
            if not w.done():
                w.set_result(None)
                break

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.append(None)
            _wake_one()
        todo.clear()

    def _on_completion(f):
        if f not in todo:
            return
        todo.remove(f)
        done.append(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()
        _wake_one()

    async def _wait_for_one():
        while not done:
            w = loop.create_future()
            waiters.append(w)
            await w
        f = done.popleft()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done(inner):
        if outer.cancelled():
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done)

    inner.add_done_callback(_inner_done)
    outer.add_done_callback(_outer_done)
    return outer


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    if kwargs:
        return await loop.run_in_executor(None, lambda: func(*args, **kwargs))
    return await loop.run_in_executor(None, func, *args)


def _cancel_all_tasks(loop):
    to_cancel = [t for t in loop._tasks if not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = new_event_loop()
    try:
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()


from asyncio.locks import Lock, Event, Semaphore, BoundedSemaphore, Condition  # noqa: E402
from asyncio.queues import Queue, LifoQueue, PriorityQueue  # noqa: E402
from asyncio.timeouts import Timeout, timeout, timeout_at  # noqa: E402
