"""Parsing in a child process (what ``manage.py ingest`` does): the same extractions as in
this process, a child that dies fails only the batches it held, and a missing model is the
same clear error."""

from __future__ import annotations

import os
import signal

import pytest

from claims.models import Topic, TopicStatus
from claims.nlp.language import ModelNotInstalledError
from claims.nlp.repair import clean_article
from claims.readers.records import RawArticle
from claims.services.ingest import content_hash, ingest_articles
from claims.services.parsers import ChildParser
from claims.services.store import PreparedArticle

pytestmark = [pytest.mark.django_db, pytest.mark.nlp]

HARBOUR = (
    "Mayor Dana Whitfield said the harbour tunnel would open in May. "
    '"We will not raise the toll," she told reporters on Tuesday.'
)
BRIDGE = (
    "The transport minister, Omar Haddad, said the old bridge was unsafe. "
    "He added that repairs would cost the city more than a new bridge."
)


def raw(text: str, source: str) -> RawArticle:
    return RawArticle(source=source, text=text)


def prepared(text: str, source: str) -> PreparedArticle:
    clean = clean_article(text)
    return PreparedArticle(raw(text, source), clean, content_hash(clean.text))


def test_a_child_process_extracts_what_this_process_extracts():
    Topic.objects.create(
        name="Tolls", slug="tolls", phrases=["toll", "tolls"], status=TopicStatus.CURATED
    )
    items = [raw(HARBOUR, "harbour.txt"), raw(BRIDGE, "bridge.txt")]

    in_child = list(ingest_articles(items=items, dry_run=True, parse_in_child=True))
    here = list(ingest_articles(items=items, dry_run=True, parse_in_child=False))

    assert [o.extraction for o in in_child] == [o.extraction for o in here]
    speakers = {s.name for o in in_child for s in o.extraction.speakers}
    assert {"Dana Whitfield", "Omar Haddad"} <= speakers
    assert any("tolls" in s.topics for s in in_child[0].extraction.statements)


def test_a_child_that_dies_fails_the_batch_it_held_and_the_next_batch_gets_a_new_child():
    parser = ChildParser(batch_size=4)
    try:
        held = parser.submit([prepared(HARBOUR, "harbour.txt"), prepared(BRIDGE, "bridge.txt")])
        for pid in list(parser._pool._processes):  # still loading the model: mid-batch
            os.kill(pid, signal.SIGKILL)

        failed = held.extractions()
        after = parser.submit([prepared(BRIDGE, "bridge.txt")]).extractions()
    finally:
        parser.close()

    assert len(failed) == 2
    assert all("the parsing process stopped" in str(error) for error in failed)
    [extraction] = after
    assert "Omar Haddad" in {speaker.name for speaker in extraction.speakers}


def test_no_installed_model_is_the_same_clear_error_when_parsing_in_a_child(settings):
    settings.CLAIMTRACKER_SPACY_MODELS = ["no_such_pipeline_installed"]

    with pytest.raises(ModelNotInstalledError, match="no_such_pipeline_installed"):
        list(ingest_articles(items=[raw(HARBOUR, "harbour.txt")], parse_in_child=True))
