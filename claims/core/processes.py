"""Child processes that end with their parent: ingest's workers and its parsing process.

A parent killed outright (SIGKILL, the out-of-memory killer) runs no clean-up, so its
children would go on, or wait forever on a queue nobody fills, each holding a spaCy model.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Have the kernel end this process when ``parent`` dies (Linux), and end it now if the
    parent is already gone. Elsewhere the caller must watch ``os.getppid()`` itself."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() != parent:
        os._exit(1)
