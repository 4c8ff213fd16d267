"""``manage.py ingest`` and ``manage.py export`` as a user runs them."""

from __future__ import annotations

import csv
import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, Speaker, SpeakerAlias, Stance, Statement, Topic

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Minister warns on trade\n\n"
    "LONDON (Reuters): Trade Minister Jane Holloway said the new tariffs would hurt exporters.\n\n"
    "“We will not accept these terms,” Holloway told reporters on Monday.\n"
)


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_seed_article_is_stored_with_its_statements_and_one_speaker(seed_path: Path):
    out, _ = run(str(seed_path))

    article = Article.objects.get()
    assert article.headline.startswith("Necessary to block supply of weapons")
    assert (article.outlet, article.dateline) == ("TASS", "MOSCOW")
    assert "Leave a Comment" not in article.text
    assert "Belarus" in article.text and "Bela-rus" not in article.text
    assert Statement.objects.count() >= 14
    lavrov = Speaker.objects.get(name="Sergey Lavrov")
    assert Statement.objects.filter(speaker=lavrov).count() >= 14
    assert {"Lavrov", "Russian Foreign Minister Sergey Lavrov"} <= set(
        SpeakerAlias.objects.filter(speaker=lavrov).values_list("alias", flat=True)
    )
    for statement in Statement.objects.all():
        assert article.text[statement.start : statement.end] == statement.text
    assert "1 new, 0 unchanged, 0 failed" in out
    assert "Read 1 file, 1 article: " in out


def test_the_report_counts_in_words_a_reader_expects(tmp_path: Path):
    path = tmp_path / "holloway.txt"
    path.write_text(
        "Minister on trade\n\n“We will not accept these terms,” Jane Holloway said on Monday.\n",
        encoding="utf-8",
    )

    out, _ = run(str(path))

    assert Speaker.objects.count() == 1
    assert "1 new speaker;" in out and "1 new speakers" not in out


def test_ingesting_the_seed_again_changes_nothing(seed_path: Path):
    run(str(seed_path))
    counts = (Article.objects.count(), Statement.objects.count(), Speaker.objects.count())

    out, _ = run(str(seed_path))

    assert "unchanged" in out and "0 new, 1 unchanged" in out
    assert (Article.objects.count(), Statement.objects.count(), Speaker.objects.count()) == counts


def test_bad_files_are_named_with_their_reason_and_the_good_ones_land(tmp_path: Path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": ARTICLE.replace("Monday", "Tuesday")}) + "\n{not json\n",
        encoding="utf-8",
    )

    with pytest.raises(CommandError, match="3 of 5 inputs failed") as failure:
        run(str(tmp_path))

    assert failure.value.returncode == 1
    assert Article.objects.count() == 2


def test_failures_go_to_stderr_with_path_and_line(tmp_path: Path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": ARTICLE}) + "\n{not json\n", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", str(feed), stdout=StringIO(), stderr=err)

    assert f"{feed}:2" in err.getvalue()
    assert Article.objects.count() == 1


def test_dry_run_prints_statements_and_writes_nothing(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    out, _ = run(str(path), "--dry-run")

    assert "We will not accept these terms" in out
    assert "Jane Holloway" in out
    assert not Article.objects.exists()


def test_an_undated_file_warns_and_a_dateline_with_a_full_date_dates_it(tmp_path: Path):
    undated = tmp_path / "undated.txt"
    undated.write_text(ARTICLE, encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text(
        ARTICLE.replace("LONDON (Reuters):", "LONDON, Oct. 15, 2021 (Reuters) -").replace(
            "new tariffs", "new duties"
        ),
        encoding="utf-8",
    )

    _, err = run(str(undated), str(dated))

    assert f"warning     {undated}: no date found" in err
    assert str(dated) not in err
    assert Article.objects.get(source=str(dated)).published == date(2021, 10, 15)
    assert Article.objects.get(source=str(undated)).published is None
    assert not Stance.objects.filter(article__source=str(undated), observed_on__isnull=False)


def test_json_reports_an_unchanged_article_s_statements_and_a_dry_run_s_findings(
    tmp_path: Path,
):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    dry = json.loads(run(str(path), "--dry-run", "--format", "json")[0])
    run(str(path))

    again = json.loads(run(str(path), "--format", "json")[0])

    [entry] = again["files"]
    assert entry["status"] == "unchanged"
    assert entry["statements"] == Statement.objects.count() > 0
    [found] = dry["files"]
    texts = [statement["text"] for statement in found["extracted"]["statements"]]
    assert any("We will not accept these terms" in text for text in texts)
    assert found["statements"] == len(texts)


def test_json_report_lists_each_file_with_its_status(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    out, _ = run(str(path), "--format", "json")
    report = json.loads(out)

    assert report["new"] == 1 and report["failed"] == 0
    [entry] = report["files"]
    assert entry["status"] == "new"
    assert entry["article_id"] == Article.objects.get().pk
    assert entry["statements"] == Statement.objects.count() > 0


def test_command_line_overrides_and_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(ARTICLE))

    run("-", "--outlet", "Reuters", "--published", "2021-10-15", "--url", "https://e.org/a")

    article = Article.objects.get()
    assert (article.outlet, str(article.published), article.url, article.source) == (
        "Reuters",
        "2021-10-15",
        "https://e.org/a",
        "-",
    )


def test_reextract_keeps_what_a_reviewer_rejected(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run(str(path))
    rejected = Statement.objects.order_by("start").first()
    Statement.objects.filter(pk=rejected.pk).update(
        review_status="rejected", reviewed_at="2021-10-16T10:00:00Z"
    )
    machine_made = set(Statement.objects.exclude(pk=rejected.pk).values_list("pk", flat=True))

    out, _ = run("--reextract")

    assert "1 re-extracted" in out
    assert Statement.objects.get(pk=rejected.pk).review_status == "rejected"
    # the statements found again keep their ids, and the report counts all of them
    assert machine_made <= set(Statement.objects.values_list("pk", flat=True))
    assert f"{Statement.objects.count()} statements" in out


def test_export_writes_the_scorer_fields(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run(str(path))
    target = tmp_path / "statements.jsonl"

    call_command("export", "statements", "-o", str(target), stderr=StringIO())

    rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == Statement.objects.count() > 0
    assert {"document", "speaker", "speaker_mention", "kind", "cue", "text", "start", "end"} <= set(
        rows[0]
    )
    assert rows[0]["document"] == str(path)


def test_export_csv_has_a_header_and_a_row_per_statement(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run(str(path))
    out = StringIO()

    call_command("export", "statements", "--format", "csv", stdout=out)

    rows = list(csv.DictReader(StringIO(out.getvalue())))
    assert len(rows) == Statement.objects.count() > 0
    assert rows[0]["document"] == str(path) and rows[0]["text"]


def test_no_paths_is_a_usage_error():
    with pytest.raises(CommandError, match="at least one file"):
        run()


def test_export_stances_of_the_seed_names_topic_polarity_cues_and_evidence(seed_path: Path):
    call_command("loaddata", "fixtures/topics.json", verbosity=0)
    run(str(seed_path))
    out = StringIO()

    call_command("export", "stances", stdout=out)

    rows = {row["topic"]: row for row in map(json.loads, out.getvalue().splitlines())}
    belarus = rows["Belarus"]
    assert (belarus["speaker"], belarus["polarity"]) == ("Sergey Lavrov", "against")
    assert belarus["cues"] and belarus["evidence"]
    assert belarus["document"] == str(seed_path)
    assert rows["Regional security cooperation"]["polarity"] == "favor"


def test_a_first_ingest_into_a_database_without_topics_loads_the_curated_ones(seed_path: Path):
    _, err = run(str(seed_path))

    assert "loaded the 54 curated topics" in err
    belarus = Stance.objects.get(topic__slug="belarus")
    assert (belarus.speaker.name, belarus.polarity) == ("Sergey Lavrov", "against")


def test_topics_a_database_already_has_are_left_as_they_are(tmp_path: Path):
    Topic.objects.create(name="Trade", slug="trade", phrases=["tariffs"])
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    _, err = run(str(path))

    assert "curated topics" not in err
    assert list(Topic.objects.filter(status="curated").values_list("slug", flat=True)) == ["trade"]
