"""Two ``manage.py ingest`` processes started together on the same files, on PostgreSQL.

The second one reads the files in the opposite order, so the two meet in the middle with
the same people in flight at once: every article and every speaker must still be stored
once, both processes must exit cleanly, and no speaker may be created for a name that a
speaker stored before it already answered to (what a single process would have found).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.reliability import badfolder, state
from tests.reliability.conftest import query, start_manage

# Its two ``manage.py ingest`` processes load the spaCy model.
pytestmark = pytest.mark.nlp

FILES = 50


@pytest.fixture
def fifty(tmp_path: Path) -> list[str]:
    folder = tmp_path / "fifty"
    folder.mkdir()
    paths = []
    for name, text in badfolder.good_texts(FILES):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return sorted(paths)


def test_two_ingests_at_once_store_every_article_and_speaker_once(
    postgres_url: str, fifty: list[str]
):
    args = ("ingest", "--format", "json", "--batch-size", "4")
    forward = start_manage(*args, *fifty, database_url=postgres_url)
    backward = start_manage(*args, *reversed(fifty), database_url=postgres_url)
    results = [process.communicate(timeout=600) for process in (forward, backward)]

    for process, (_, err) in zip((forward, backward), results, strict=True):
        assert process.returncode == 0, err[-3000:]
    reports = [json.loads(out) for out, _ in results]
    assert [r["new"] + r["unchanged"] for r in reports] == [FILES, FILES]
    assert sum(r["new"] for r in reports) == FILES, "each article is new to exactly one"

    stored = state.statements_by_article(postgres_url)
    assert len(stored) == FILES
    assert query(postgres_url, "SELECT count(DISTINCT source) FROM claims_article") == [(FILES,)]
    # Each article holds exactly the statements its storing process reported.
    reported = {
        entry["article_id"]: entry["statements"]
        for report in reports
        for entry in report["files"]
        if entry["status"] == "new"
    }
    counts = dict(
        query(
            postgres_url,
            "SELECT a.id, count(s.id) FROM claims_article a "
            "LEFT JOIN claims_statement s ON s.article_id = a.id GROUP BY a.id",
        )
    )
    assert counts == reported

    # No speaker twice: not by name (any case) ...
    assert (
        query(
            postgres_url,
            "SELECT kind, lower(name), count(*) FROM claims_speaker "
            "GROUP BY kind, lower(name) HAVING count(*) > 1",
        )
        == []
    )
    # ... nor created for a name another speaker already answered to when it was created.
    assert (
        query(
            postgres_url,
            "SELECT later.name, earlier.name, alias.normalized "
            "FROM claims_speaker later "
            "JOIN claims_speakeralias alias ON alias.speaker_id <> later.id "
            "JOIN claims_speaker earlier ON earlier.id = alias.speaker_id "
            "AND earlier.kind = later.kind "
            "WHERE alias.normalized = ("
            "  SELECT own.normalized FROM claims_speakeralias own "
            "  WHERE own.speaker_id = later.id ORDER BY own.id LIMIT 1"
            ") AND alias.id < (SELECT min(own.id) FROM claims_speakeralias own "
            "  WHERE own.speaker_id = later.id)",
        )
        == []
    )
    assert (
        query(
            postgres_url,
            "SELECT speaker_id, normalized FROM claims_speakeralias "
            "GROUP BY speaker_id, normalized HAVING count(*) > 1",
        )
        == []
    )
    assert (
        query(
            postgres_url,
            "SELECT lower(name) FROM claims_topic GROUP BY lower(name) HAVING count(*) > 1",
        )
        == []
    )
