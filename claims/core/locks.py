"""The speaker-and-topic resolution lock that every storing transaction takes."""

from __future__ import annotations

import zlib

from django.db import connection

# The PostgreSQL advisory lock that ingest transactions take before resolving speakers.
_RESOLUTION_LOCK = zlib.crc32(b"claimtracker.speaker-resolution")


def lock_resolution() -> None:
    """Hold, until the current transaction ends, the right to resolve speakers and topics.

    Two ingests storing articles at once would each miss the speakers and aliases the other
    has not committed yet: both create "Sergey Lavrov" (one fails on the unique name), or
    one stores a second speaker "Lavrov" that a single run would have found as his alias,
    or each waits on a name the other inserted (a deadlock). Taking one lock per article
    transaction makes them store one after the other, as a single run would; extraction,
    the slow part, still runs in parallel. SQLite already lets one writer in at a time.
    Call inside a transaction.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_RESOLUTION_LOCK])
