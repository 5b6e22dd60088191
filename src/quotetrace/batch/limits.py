"""A time limit for one piece of work in the thread that runs it.

Batch workers run articles in their main thread (process pool) or in a Dask
worker thread, where ``signal.alarm`` cannot reach. A watchdog thread raises
``TimeLimitExceeded`` in the working thread instead, through
``PyThreadState_SetAsyncExc``; Python delivers it at the next bytecode, which
is soon, since every spaCy component returns to Python between windows of text
(see extract/windows.py).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """Not an Exception: handlers that turn an article's exception into a failure must let it
    through, so that the caller decides what a time-out costs."""


# No argtypes: the same function also takes NULL (None) to withdraw a pending exception.
_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in this thread if the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
        return
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}
    stop = threading.Event()

    def watch() -> None:
        if stop.wait(seconds):
            return
        with lock:
            if not state["done"]:
                state["fired"] = True
                _set_async_exc(ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded))

    watcher = threading.Thread(target=watch, name="quotetrace-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                # Fired as the block ended: withdraw it so it cannot surface somewhere else.
                _set_async_exc(ctypes.c_ulong(target), None)
        stop.set()
