"""Two ingests storing articles at the same instant, made to meet where a race would bite.

Two threads (two database connections) on PostgreSQL: the first pauses inside its article
transaction right after resolving a speaker; the second stores its own article meanwhile.
Without serialised resolution the second misses the first's uncommitted speaker and alias
(a duplicate "Lavrov"), or the two wait on each other's new speakers (a deadlock).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.db import connection

from claims.models import Speaker, SpeakerKind, Statement
from claims.readers import RawArticle
from claims.services import store as store_service
from claims.services.ingest import ingest_article
from claims.services.outcomes import NEW, IngestOutcome

pytestmark = [
    pytest.mark.nlp,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row and advisory locks between connections: runs when the suite is on PostgreSQL",
    ),
]

# The first writer holds its transaction open until the second has finished (nothing
# between them) or is waiting for a lock; this bounds the wait if neither ever happens.
MAX_WAIT_SECONDS = 30


def someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        # Asked inside a transaction: without this, the statistics views answer from the
        # snapshot taken at their first use in it.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def wait_for(condition, timeout: float = MAX_WAIT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


LAVROV_IN_FULL = (
    "Lavrov on Afghanistan\n\n"
    "Russian Foreign Minister Sergey Lavrov said on Tuesday that weapons supplies to "
    "Afghanistan must stop.\n\n"
    "“We will not accept this,” Lavrov told reporters.\n"
)
LAVROV_BY_SURNAME = (
    "Talks in Geneva\n\n"
    "“The talks were useful,” Lavrov said on Friday.\n\n"
    "Lavrov added that the next round would be in March.\n"
)


def crossing(first: str, second: str, n: int) -> str:
    return (
        f"Budget talks {n}\n\n"
        f"“The plan number {n} will fail,” Senator {first} said on Monday.\n\n"
        f"“We will vote against plan {n},” Governor {second} told reporters.\n"
    )


def store_at_once(
    monkeypatch: pytest.MonkeyPatch, extractor, first: str, second: str, pause_after: str
) -> dict[str, IngestOutcome | BaseException]:
    """Ingest ``first`` and ``second`` in two threads; the first pauses after ``pause_after``."""
    paused, second_done = threading.Event(), threading.Event()
    resolve = store_service.resolve_speaker

    def resolve_then_pause(**arguments):
        speaker, created = resolve(**arguments)
        if threading.current_thread().name == "first" and speaker.name == pause_after:
            paused.set()
            wait_for(lambda: second_done.is_set() or someone_waits_for_a_lock())
        return speaker, created

    monkeypatch.setattr(store_service, "resolve_speaker", resolve_then_pause)
    results: dict[str, IngestOutcome | BaseException] = {}

    def run(name: str, text: str, done: threading.Event | None) -> None:
        try:
            results[name] = ingest_article(
                raw=RawArticle(source=name, text=text), extractor=extractor
            )
        except BaseException as error:  # reported by the test, never lost in the thread
            results[name] = error
        finally:
            connection.close()
            paused.set()  # never leave the second thread waiting if the first failed early
            if done is not None:
                done.set()

    one = threading.Thread(target=run, args=("first", first, None), name="first")
    one.start()
    assert paused.wait(timeout=60)
    two = threading.Thread(target=run, args=("second", second, second_done), name="second")
    two.start()
    one.join(timeout=60)
    two.join(timeout=60)
    return results


def test_a_surname_resolves_to_the_speaker_another_ingest_is_storing(
    monkeypatch: pytest.MonkeyPatch, extractor
):
    results = store_at_once(
        monkeypatch, extractor, LAVROV_IN_FULL, LAVROV_BY_SURNAME, pause_after="Sergey Lavrov"
    )

    assert all(isinstance(r, IngestOutcome) and r.status == NEW for r in results.values()), results
    assert list(Speaker.objects.filter(kind=SpeakerKind.PERSON).values_list("name", flat=True)) == [
        "Sergey Lavrov"
    ]
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    assert Statement.objects.filter(article__source="second", speaker=lavrov).count() == 2


def test_two_articles_naming_the_same_new_people_in_opposite_order_do_not_deadlock(
    monkeypatch: pytest.MonkeyPatch, extractor
):
    results = store_at_once(
        monkeypatch,
        extractor,
        crossing("Maria Alvarez", "Tom Becker", 1),
        crossing("Tom Becker", "Maria Alvarez", 2),
        pause_after="Maria Alvarez",
    )

    assert all(isinstance(r, IngestOutcome) and r.status == NEW for r in results.values()), results
    people = Speaker.objects.filter(kind=SpeakerKind.PERSON)
    assert sorted(people.values_list("name", flat=True)) == ["Maria Alvarez", "Tom Becker"]
    assert Statement.objects.filter(speaker__in=people).count() == 4
