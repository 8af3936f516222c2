"""Work on both cores: the one way onestop forks a helper, and its one policy for the cycle collector.

A forked helper inherits the parent's memory (the parsed files, the linked site, compiled
templates) without pickling any of it, and talks to the parent over a pipe. Just before forking,
the parent's heap is frozen (`gc.freeze`): the helper's cycle collector then leaves every inherited
object alone, so their memory pages stay shared with the parent instead of being copied into each
helper (as Python's gc documentation advises); the parent unfreezes right after.

A check and a build make millions of objects that live until the build ends and hold no cycles
worth collecting, which the collector would scan again and again (a sixth of a 10,000-service
build, a third of a live-preview rebuild). So the collector is paused from the start of a check to
the end of the build that uses it (`CollectorPause`), and put back as it was.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any


def can_fork(workers: int = 2) -> bool:
    """Whether forking helpers can help: more than one core to use, and fork available."""
    return workers > 1 and "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    return os.cpu_count() or 1


@dataclass
class Helper:
    """A forked helper process and the parent's end of the pipe to it."""

    process: BaseProcess
    conn: Connection

    def stop(self, timeout: float = 5) -> None:
        """Close the pipe and wait for the helper; end it if it does not finish by itself."""
        self.conn.close()
        self.process.join(timeout=timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


def fork_helper(target: Callable[..., None], *args: Any, name: str) -> Helper:
    """Start `target(conn, *args)` in a forked process; `conn` is the helper's end of a two-way pipe."""
    context = multiprocessing.get_context("fork")
    parent_end, child_end = context.Pipe()
    process = context.Process(target=target, args=(child_end, *args), daemon=True, name=name)
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()
    child_end.close()
    return Helper(process, parent_end)


class CollectorPause:
    """Pauses the cycle collector until `resume`; resuming puts it back as it was before."""

    def __init__(self) -> None:
        self._was_enabled: bool | None = None

    def pause(self) -> None:
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
            gc.disable()

    def resume(self) -> None:
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None


@contextmanager
def collector_paused() -> Iterator[None]:
    pause = CollectorPause()
    pause.pause()
    try:
        yield
    finally:
        pause.resume()
