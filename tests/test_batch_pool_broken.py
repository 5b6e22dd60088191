"""The local pool when a worker dies between two waits: the pool then refuses new work at
``submit``, which must neither crash the run nor count as a death of the refused partition.
A fake executor stands in for the process pool so the race is exact, not timed."""

from __future__ import annotations

from concurrent import futures
from concurrent.futures.process import BrokenProcessPool

from quotetrace.batch import runner


class FakeExecutor:
    """Runs nothing; futures stay pending until the test settles them."""

    def __init__(self):
        self.broken = False
        self.submitted: list[futures.Future] = []
        self.shut = False

    def submit(self, fn, *args):
        if self.broken:
            raise BrokenProcessPool("A child process terminated abruptly")
        f: futures.Future = futures.Future()
        self.submitted.append(f)
        return f

    def break_now(self):
        """What the standard library does when a worker is killed."""
        self.broken = True
        for f in self.submitted:
            if not f.done():
                f.set_exception(BrokenProcessPool("A child process terminated abruptly"))

    def shutdown(self, wait=True, cancel_futures=False):
        self.shut = True
        for f in self.submitted:
            f.cancel()


def make_pool(monkeypatch):
    made: list[FakeExecutor] = []

    def start(self):
        made.append(FakeExecutor())
        return made[-1]

    monkeypatch.setattr(runner.LocalPool, "_start", start)
    return runner.LocalPool(1, settings=None), made  # type: ignore[arg-type]


def test_submit_to_a_pool_that_broke_since_the_last_wait_goes_to_a_fresh_pool(monkeypatch):
    pool, made = make_pool(monkeypatch)
    in_flight = pool.submit("part-1")
    made[0].break_now()  # a worker is killed; the driver has not waited yet
    fresh = pool.submit("part-2")  # used to raise BrokenProcessPool and end the run
    assert len(made) == 2 and made[1].submitted == [fresh] and not fresh.done()

    outcomes = pool.wait([in_flight, fresh], timeout=1)
    # The partition that was running when the worker died is reported dead ...
    assert [(o.handle, o.died) for o in outcomes] == [(in_flight, True)]
    # ... and the fresh pool, with the refused partition on it, is left alone.
    assert not made[1].shut and len(made) == 2
    made[1].submitted[0].set_result("done")
    assert [(o.handle, o.result, o.died) for o in pool.wait([fresh], timeout=1)] == [(fresh, "done", False)]


def test_a_worker_death_reported_by_wait_still_restarts_the_pool(monkeypatch):
    pool, made = make_pool(monkeypatch)
    first, second = pool.submit("a"), pool.submit("b")
    made[0].break_now()
    outcomes = pool.wait([first, second], timeout=1)
    assert sorted(o.died for o in outcomes) == [True, True]
    assert made[0].shut and len(made) == 2 and pool.restarts == 1


def test_a_partition_cancelled_when_its_broken_pool_was_replaced_is_a_death(monkeypatch):
    pool, made = make_pool(monkeypatch)
    queued = pool.submit("queued")
    made[0].broken = True  # refuses work before it has failed its own futures
    fresh = pool.submit("fresh")  # replaces the pool, which cancels what it still held
    assert queued.cancelled()
    outcomes = pool.wait([queued, fresh], timeout=1)
    assert [(o.handle, o.died) for o in outcomes] == [(queued, True)]
