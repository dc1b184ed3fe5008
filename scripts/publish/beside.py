"""A step of the publish run beside the build, in a forked child process, so that the two cores share the work (the
evidence site and the timeline are drawn while the workbook is written and the copies compared). Where fork is
missing (Windows) the step runs at once, in this process. An error of the step is raised in the build as itself when
it can travel between processes, else as a RuntimeError carrying the child's traceback."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable


class Beside:
    """A step started beside the caller: wait() for it (its error raised here), or stop() it."""

    def __init__(self, step: Callable[[], None]) -> None:
        self.child = None
        if not hasattr(os, "fork"):
            step()
            return
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.child = context.Process(target=run, args=(step, sender), daemon=True)
        self.child.start()
        sender.close()

    def wait(self) -> None:
        if self.child is None:
            return
        try:
            status, error = self.receiver.recv()
        except EOFError:
            status, error = "error", RuntimeError(f"the step beside the build ended with code {self.child.exitcode}")
        self.child.join()
        self.child = None
        if status == "error":
            raise error

    def stop(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child.join()
            self.child = None


def run(step: Callable[[], None], sender) -> None:
    """In the child: the step, then its outcome sent to the parent."""
    try:
        step()
        sender.send(("ok", None))
    except BaseException as exc:  # noqa: BLE001 (every error goes back to the build)
        sender.send(("error", portable(exc)))
    finally:
        sender.close()


def portable(exc: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError with its traceback."""
    try:
        return pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(exc)))
