"""Fault injection for the batch tests, outside the product: with this folder on PYTHONPATH and
``QUOTETRACE_TEST_KILL_ON_ID`` set, a batch worker SIGKILLs itself on that article id.

Python imports ``sitecustomize`` at start-up in every process, the spawned workers included,
which a pytest monkeypatch in the test process cannot reach.
"""

import os

KILL_ON_ID = os.environ.get("QUOTETRACE_TEST_KILL_ON_ID")

if KILL_ON_ID:
    import signal

    from quotetrace.batch import work

    _prepare = work.prepare

    def _poisoned(item, settings):
        if item.id == KILL_ON_ID:
            os.kill(os.getpid(), signal.SIGKILL)
        return _prepare(item, settings)

    work.prepare = _poisoned
