"""A folder of good articles mixed with every kind of bad file: nothing good is lost.

``manage.py ingest`` stores every good article, names every bad file with its reason, exits
non-zero, and changes nothing when run again. The same bodies posted to ``/api/articles/``
are refused with a 4xx and a message, and leave nothing behind; the odd-but-valid ones
(legacy encodings, unbalanced quotes, a 5,000-word sentence) are accepted, as a user would
expect.
"""

from __future__ import annotations

import json
import os
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from claims.models import Article, Speaker, SpeakerAlias, Stance, Statement, Topic
from claims.nlp.pipeline import Extractor
from claims.services import ingest as service
from tests.factories import make_user
from tests.reliability import badfolder

pytestmark = [pytest.mark.django_db, pytest.mark.nlp]

# 100 good articles: 40 real news articles (PolNeAR) and 60 short generated ones. All 100
# real ones take 40 s on PostgreSQL (20 s on SQLite) for this one test; this mix half that.
GOOD_ARTICLES, REAL_ARTICLES = 100, 40


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> badfolder.Folder:
    return badfolder.build(
        tmp_path_factory.mktemp("mixed") / "in", good=GOOD_ARTICLES, real=REAL_ARTICLES
    )


def ingest(*args: str) -> tuple[str, str, int]:
    """Run the command as a user would; returns stdout, stderr and the exit status."""
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except CommandError as error:
        err.write(f"CommandError: {error}\n")
        return out.getvalue(), err.getvalue(), error.returncode
    return out.getvalue(), err.getvalue(), 0


def snapshot() -> dict[str, list[tuple]]:
    """Every stored row that ingest writes, with the fields that would change on a rewrite."""
    return {
        "articles": list(
            Article.objects.order_by("pk").values_list(
                "pk", "content_hash", "source", "extractor_version", "ingested_at"
            )
        ),
        "statements": list(
            Statement.objects.order_by("pk").values_list(
                "pk", "article_id", "speaker_id", "start", "end", "kind", "created_at"
            )
        ),
        "speakers": list(Speaker.objects.order_by("pk").values_list("pk", "name", "kind", "role")),
        "aliases": list(SpeakerAlias.objects.order_by("pk").values_list("pk", "normalized")),
        "topics": list(Topic.objects.order_by("pk").values_list("pk", "slug")),
        "stances": list(Stance.objects.order_by("pk").values_list("pk", "speaker_id", "topic_id")),
        "history": [
            Article.history.count(),
            Statement.history.count(),
            Speaker.history.count(),
            SpeakerAlias.history.count(),
        ],
    }


def test_good_articles_land_bad_files_are_named_and_a_second_run_changes_nothing(
    folder: badfolder.Folder,
):
    """One test for the whole story: ingesting 100 articles takes seconds, not milliseconds."""
    out, err, status = ingest(str(folder.path))

    assert status == 1
    for bad in folder.bad:
        where = folder.path / bad.name
        where = f"{where}:{bad.line}" if bad.line else str(where)
        [line] = [line for line in err.splitlines() if line.startswith(f"FAILED      {where}:")]
        assert bad.reason in line, line
    failed = len(folder.bad)
    assert err.count("FAILED") == failed, "only the bad files fail"
    assert f"CommandError: {failed} of " in err

    sources = set(Article.objects.values_list("source", flat=True))
    assert {str(folder.path / name) for name in folder.good} <= sources
    landed = len(folder.good) + len(folder.valid) + folder.jsonl_good
    assert Article.objects.count() == landed
    assert f"{landed} new, 0 unchanged, {failed} failed" in out
    assert Statement.objects.count() > landed
    for article in Article.objects.prefetch_related("statements"):
        for statement in article.statements.all():
            assert article.text[statement.start : statement.end] == statement.text

    # Odd but valid texts: decoded right and kept whole.
    for valid in folder.valid:
        article = Article.objects.get(source=str(folder.path / valid.name))
        assert valid.contains in article.text, article.text[:300]
        assert "\ufffd" not in article.text and "Ã" not in article.text
    cafe = Article.objects.get(source=str(folder.path / "cafe-cp1252.txt"))
    assert "Hélène Moreau" in cafe.text and "cafés" in cafe.text
    assert Speaker.objects.filter(name="Hélène Moreau").exists()
    harbour = Article.objects.get(source=str(folder.path / "harbour-latin1.txt"))
    assert "«fair» and the façade" in harbour.text
    long = Article.objects.get(source=str(folder.path / "long-sentence.txt"))
    assert len(long.text.split()) > 5000
    [russian] = [line for line in err.splitlines() if "russian.txt" in line and "reads" in line]
    assert russian.startswith("warning") and "reads as Russian (Cyrillic script)" in russian
    surrogate = Article.objects.get(source=str(folder.path / "feed.jsonl"), text__contains="caf?")
    assert surrogate.outlet == "Feed?"

    # The same folder again: every article unchanged, the same failures, no row touched.
    before = snapshot()

    out, _, status = ingest(str(folder.path), "--format", "json")

    assert status == 1
    report = json.loads(out)
    assert (report["new"], report["unchanged"], report["failed"]) == (0, landed, failed)
    failures = {(Path(e["source"]).name, e["line"]) for e in report["files"] if e["error"]}
    assert failures == {(bad.name, bad.line) for bad in folder.bad}
    assert snapshot() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: permissions do not apply")
def test_a_file_without_read_permission_is_reported(tmp_path: Path):
    locked = tmp_path / "locked.txt"
    locked.write_text(badfolder.generated_article(1), encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "open.txt").write_text(badfolder.generated_article(2), encoding="utf-8")

    _, err, status = ingest(str(tmp_path))

    assert status == 1
    assert f"FAILED      {locked}: permission denied" in err
    assert Article.objects.count() == 1


def test_a_file_the_system_refuses_to_read_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    locked = tmp_path / "locked.txt"
    locked.write_text(badfolder.generated_article(1), encoding="utf-8")
    (tmp_path / "open.txt").write_text(badfolder.generated_article(2), encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)

    _, err, status = ingest(str(tmp_path))

    assert status == 1
    assert f"FAILED      {locked}: permission denied" in err
    assert Article.objects.count() == 1


# --- the same bodies through the API -----------------------------------------------------


@pytest.fixture
def writer(db) -> APIClient:
    user = make_user(staff=False, superuser=False)
    user.user_permissions.set(Permission.objects.filter(codename="add_article"))
    client = APIClient()
    client.force_authenticate(user=user)
    return client


def post_json(client: APIClient, body: dict):
    return client.post("/api/articles/", body, format="json")


def post_raw(client: APIClient, data: bytes, content_type: str = "application/json"):
    return client.generic("POST", "/api/articles/", data, content_type=content_type)


def message(response) -> str:
    """The error message(s) in a 4xx body, flattened to one string."""
    body = response.json()
    return json.dumps(body, ensure_ascii=False)


# A client holding bytes that are not UTF-8 can only put them in JSON one character per
# byte (Latin-1), which is what these send for the binary files.
REFUSED_TEXTS = {
    "empty.txt": (400, "blank"),
    "blank.txt": (400, "blank"),
    "photo.txt": (400, "Null characters are not allowed"),
    "report.txt": (422, "PDF document"),
    "landing.html": (422, "no article text"),
    "noise.txt": (422, "mostly not words"),
}


@pytest.mark.parametrize("name", sorted(REFUSED_TEXTS))
def test_bad_files_posted_as_text_are_refused_with_a_message(
    writer: APIClient, folder: badfolder.Folder, name: str
):
    data = (folder.path / name).read_bytes()
    expected_status, expected_message = REFUSED_TEXTS[name]

    response = post_json(writer, {"text": data.decode("latin-1")})

    assert response.status_code == expected_status, response.content
    assert expected_message in message(response)
    assert not Article.objects.exists() and not Statement.objects.exists()
    assert not Speaker.objects.exists()


def test_a_20_mb_text_is_refused_before_it_is_read(writer: APIClient, folder: badfolder.Folder):
    text = (folder.path / "huge.txt").read_text(encoding="utf-8")

    response = post_json(writer, {"text": text})

    assert response.status_code == 413
    assert "limit" in message(response)
    assert not Article.objects.exists()


@pytest.mark.parametrize("name", ["photo.txt", "report.txt", "empty.txt", "feed.jsonl"])
def test_a_file_posted_as_the_raw_body_is_refused_with_a_message(
    writer: APIClient, folder: badfolder.Folder, name: str
):
    data = (folder.path / name).read_bytes()

    as_json = post_raw(writer, data)
    as_file = post_raw(writer, data, content_type="application/octet-stream")

    assert as_json.status_code == 400, as_json.content
    assert any(word in message(as_json) for word in ("JSON parse error", "required"))
    if data:
        assert as_file.status_code == 415
        assert "Unsupported media type" in as_file.json()["detail"]
    else:  # no body at all reads as no fields, whatever its type
        assert as_file.status_code == 400
        assert "required" in message(as_file)
    assert not Article.objects.exists()


def test_json_lines_posted_line_by_line_store_the_good_records_only(
    writer: APIClient, folder: badfolder.Folder
):
    lines = (folder.path / "feed.jsonl").read_bytes().splitlines()

    statuses = [post_raw(writer, line) for line in lines]

    codes = [response.status_code for response in statuses]
    assert codes == [201, 400, 201, 400, 400, 400, 400, 400, 400, 400], codes
    assert "JSON parse error" in statuses[1].json()["detail"]
    assert "Null characters are not allowed" in message(statuses[3])
    assert "url" in statuses[6].json() and "url" in statuses[7].json()
    assert "text" in statuses[8].json()
    assert "Surrogate characters are not allowed" in message(statuses[9])  # DRF's CharField
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("cafe-cp1252.txt", "cp1252"),
        ("harbour-latin1.txt", "latin-1"),
        ("unbalanced.txt", "utf-8"),
        ("long-sentence.txt", "utf-8"),
    ],
)
def test_odd_but_valid_texts_are_accepted_whole(
    writer: APIClient, folder: badfolder.Folder, name: str, encoding: str
):
    """A client that knows its file's encoding posts the text; it is an article like any other."""
    text = (folder.path / name).read_bytes().decode(encoding)
    [expected] = [valid.contains for valid in folder.valid if valid.name == name]

    response = post_json(writer, {"text": text})

    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert expected in article.text
    assert article.statements.count() == len(response.json()["statements"]) > 0


def test_an_html_page_with_an_article_posted_as_text_stores_the_article(writer: APIClient):
    page = (
        "<!doctype html><html><head><title>Lavrov speaks</title></head><body>"
        "<nav><a href='/'>Home</a></nav><article><h1>Lavrov speaks</h1>"
        "<p>Russian Foreign Minister Sergey Lavrov said on Tuesday that the supply of weapons "
        "to terrorists in Afghanistan must be blocked.</p>"
        "<p>“We will not accept this,” Lavrov told reporters.</p></article></body></html>"
    )

    response = post_json(writer, {"text": page, "outlet": "Example"})

    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert "<" not in article.text and "Home" not in article.text
    assert article.text.count("We will not accept this") == 1
    assert (article.headline, article.outlet) == ("Lavrov speaks", "Example")


def test_an_article_the_extractor_fails_on_is_reported_and_the_others_land(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A text that breaks the NLP (a bug there, a pathological input) fails alone."""
    for n in range(5):
        (tmp_path / f"a{n}.txt").write_text(badfolder.generated_article(n), encoding="utf-8")
    (tmp_path / "breaks.txt").write_text("Boom\n\nThe parser breaks on this.\n", encoding="utf-8")
    (tmp_path / "breaks-repair.txt").write_text("Crash the repair, please.\n", encoding="utf-8")
    real_extract, real_extract_many = Extractor.extract, Extractor.extract_many
    real_clean = service.clean_article

    def extract(self, clean):
        if "parser breaks" in clean.text:
            raise ValueError("[E1234] something deep in the pipeline")
        return real_extract(self, clean)

    def extract_many(self, cleans, *, batch_size: int = 16):
        cleans = list(cleans)
        if any("parser breaks" in clean.text for clean in cleans):
            raise ValueError("[E1234] something deep in the pipeline")
        return real_extract_many(self, cleans, batch_size=batch_size)

    def clean_article(text: str, **kwargs):
        if "Crash the repair" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(text, **kwargs)

    monkeypatch.setattr(Extractor, "extract", extract)
    monkeypatch.setattr(Extractor, "extract_many", extract_many)
    monkeypatch.setattr(service, "clean_article", clean_article)

    out, err, status = ingest(str(tmp_path))

    assert status == 1
    assert (
        f"FAILED      {tmp_path / 'breaks.txt'}: extraction failed: "
        "ValueError: [E1234] something deep in the pipeline"
    ) in err
    assert (
        f"FAILED      {tmp_path / 'breaks-repair.txt'}: text repair failed: RecursionError"
    ) in err
    assert Article.objects.count() == 5
    assert "5 new, 0 unchanged, 2 failed" in out


def test_a_link_out_of_the_folder_is_stored_only_with_follow_links(tmp_path: Path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(badfolder.generated_article(1), encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(badfolder.generated_article(2), encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)

    _, err, status = ingest(str(folder))
    assert status == 1
    assert f"FAILED      {folder / 'link.txt'}: symbolic link to {outside}, outside" in err
    assert Article.objects.count() == 1

    _, _, status = ingest(str(folder), "--follow-links")
    assert status == 0
    assert Article.objects.filter(source=str(folder / "link.txt")).exists()


# --- issue 17: names, bodies and values that broke a run or the API --------------------------


def test_file_names_that_are_not_utf8_or_forge_report_lines_are_escaped(tmp_path: Path):
    """A name with bytes that are not UTF-8 ended the run in UnicodeEncodeError, nothing
    stored; a name with a newline or terminal escapes printed raw could forge a FAILED line."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    os.close(os.open(os.fsencode(folder) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")).write_text(
        badfolder.generated_article(1), encoding="utf-8"
    )
    forged = "x\nFAILED      forged.txt: pwned\x1b[2K.txt"
    (folder / forged).write_bytes(b"")
    (folder / "d.txt").write_text(badfolder.generated_article(2), encoding="utf-8")

    out, err, status = ingest(str(folder))

    assert status == 1
    assert Article.objects.count() == 2
    assert Article.objects.filter(source=f"{folder}/caf\\xe9.txt").exists()
    assert not any(line.startswith("FAILED      forged") for line in err.splitlines())
    assert "\x1b" not in err + out
    assert f"FAILED      {folder}/x\\nFAILED      forged.txt: pwned\\x1b[2K.txt: empty file" in err
    assert "2 new, 0 unchanged, 1 failed" in out


def test_an_error_while_storing_fails_that_article_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """store_article caught only IntegrityError and DataError: anything else ended the run."""
    from claims.services import ingest as ingest_service

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(badfolder.generated_article(n), encoding="utf-8")
    real_store = ingest_service.store_article

    def store(item, extraction, overrides):
        if item.raw.source.endswith("a1.txt"):
            raise UnicodeEncodeError("utf-8", "\udce9", 0, 1, "surrogates not allowed")
        return real_store(item, extraction, overrides)

    monkeypatch.setattr(ingest_service, "store_article", store)

    out, err, status = ingest(str(tmp_path))

    assert status == 1
    assert f"FAILED      {tmp_path / 'a1.txt'}: could not be stored: UnicodeEncodeError" in err
    assert "2 new, 0 unchanged, 1 failed" in out


def test_a_reader_crashing_on_a_file_fails_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from claims.readers import sources

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(badfolder.generated_article(n), encoding="utf-8")
    real_read = sources.read_file

    def read_file(path):
        if path.name == "a1.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real_read(path)

    monkeypatch.setattr(sources, "read_file", read_file)

    out, err, status = ingest(str(tmp_path))

    assert status == 1
    assert f"FAILED      {tmp_path / 'a1.txt'}: could not be read: RecursionError" in err
    assert "2 new, 0 unchanged, 1 failed" in out


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": 12345}, "text"),
        ({"text": badfolder.generated_article(1), "outlet": 7}, "outlet"),
        ({"text": badfolder.generated_article(1), "url": "javascript:alert(1)"}, "url"),
        ({"text": badfolder.generated_article(1), "url": "not a url at all"}, "url"),
        ({"text": badfolder.generated_article(1), "url": "ftp://files.example.org/a"}, "url"),
        ({"text": "#" * 20_000}, "text"),
    ],
    ids=["text-number", "outlet-number", "javascript", "not-a-url", "ftp", "symbols"],
)
def test_posted_values_that_are_no_article_are_refused(writer: APIClient, body: dict, field: str):
    response = post_json(writer, body)

    # 400: a value the schema does not allow; 422: a string the schema allows, but no article
    no_article = field == "text" and isinstance(body["text"], str)
    assert response.status_code == (422 if no_article else 400), response.content
    assert field in response.json() or "not prose" in message(response)
    assert not Article.objects.exists()


def test_invisible_variants_of_one_article_are_one_article(tmp_path: Path, writer: APIClient):
    """ZWJ, ZWNJ, LRM and U+180E variants were four articles, by the command and the API."""
    text = badfolder.generated_article(7)
    variants = [text.replace("said", f"sa{mark}id") for mark in "\u200d\u200c\u200e\u180e"]
    for n, variant in enumerate(variants[:2]):
        (tmp_path / f"v{n}.txt").write_text(variant, encoding="utf-8")

    out, _, status = ingest(str(tmp_path))
    responses = [post_json(writer, {"text": variant}) for variant in variants[2:]]

    assert status == 0 and "1 new, 1 unchanged, 0 failed" in out
    assert [response.status_code for response in responses] == [200, 200]
    assert Article.objects.count() == 1
