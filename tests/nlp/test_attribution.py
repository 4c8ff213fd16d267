"""Attribution classes, one statement per quotation, and nested attributions."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from claims.nlp.attribution import attribution_class, content_form, cue_lemma
from claims.nlp.nesting import bound_by_reporter, without_self_reports
from claims.nlp.pipeline import Extractor
from claims.nlp.records import SpeakerInfo, StatementRecord
from claims.nlp.repair import clean_article


@pytest.mark.parametrize(
    ("cue", "kind", "source_kind", "content", "expected"),
    [
        ("said", "indirect", "person", "clause", "said"),
        ("told", "indirect", "person", "clause", "said"),
        ("believes", "indirect", "person", "clause", "thinks"),
        ("planned", "indirect", "person", "infinitive", "thinks"),
        ("urged", "indirect", "person", "infinitive", "said"),
        ("criticized", "indirect", "person", "phrase", "thinks"),
        ("found", "indirect", "document", "clause", "shows"),
        ("said", "indirect", "document", "clause", "shows"),
        ("shows", "indirect", "organisation", "clause", "shows"),
        ("said", "direct", "person", "clause", "said"),
        ("reminded", "indirect", "organisation", "infinitive", "said"),
        ("encouraged", "indirect", "person", "infinitive", "said"),
        ("slammed", "indirect", "organisation", "predicate", "said"),
        ("denied", "indirect", "person", "gerund", "said"),
        ("opposed", "indirect", "person", "gerund", "thinks"),
        ("condemned", "indirect", "person", "phrase", "thinks"),
    ],
)
def test_attribution_class(
    cue: str, kind: str, source_kind: str, content: str, expected: str
) -> None:
    assert (
        attribution_class(cue=cue, kind=kind, source_kind=source_kind, content=content) == expected
    )


@pytest.mark.parametrize(
    ("cue", "lemma"),
    [("said", "say"), ("pointed out", "point"), ("hoped", "hope"), ("plans", "plan")],
)
def test_cue_lemma(cue: str, lemma: str) -> None:
    assert cue_lemma(cue) == lemma


@pytest.mark.parametrize(
    ("sentence", "content", "form"),
    [
        ("The mayor called the plan a failure.", "the plan a failure", "predicate"),
        ("The mayor described the fire as arson.", "the fire as arson", "predicate"),
        ("The driver denied taking the money.", "taking the money", "gerund"),
        ("The mayor criticized the plan.", "the plan", "phrase"),
    ],
)
def test_content_form(nlp: Language, sentence: str, content: str, form: str) -> None:
    doc = nlp(sentence)
    start = sentence.index(content)
    span = doc.char_span(start, start + len(content))
    assert content_form(span) == form


def test_a_survey_shows_and_a_person_says(extractor: Extractor) -> None:
    text = (
        "A survey of 2,000 drivers found that most of them wanted slower streets.\n\n"
        "Transport planner Ruth Okafor said that the city would lower the limit."
    )
    extraction = extractor.extract(clean_article(text))
    classes = {
        s.text.split()[1]: s.attribution for s in extraction.statements if s.reported_in is None
    }
    assert classes == {"most": "shows", "the": "said"}


def test_each_quotation_is_its_own_statement(extractor: Extractor) -> None:
    text = (
        "Coach Dana Whitfield was pleased after the match.\n\n"
        '"We defended well all night," Whitfield said. "The young players were brilliant."'
    )
    extraction = extractor.extract(clean_article(text))
    quotes = [s for s in extraction.statements if s.kind == "direct"]
    assert [q.text for q in quotes] == [
        "We defended well all night",
        "The young players were brilliant.",
    ]
    assert len({q.speaker for q in quotes}) == 1
    assert all("Whitfield said" not in q.text for q in quotes)


def test_a_nested_attribution_is_linked_to_the_statement_reporting_it(
    extractor: Extractor,
) -> None:
    text = "Senator Maya Lindgren said that Governor Tom Hale believes the tax is unfair."
    extraction = extractor.extract(clean_article(text))
    outer = next(s for s in extraction.statements if s.text.startswith("that Governor"))
    inner = next(s for s in extraction.statements if s.text.startswith("the tax"))
    assert inner.reported_in == extraction.statements.index(outer)
    assert outer.reported_in is None
    assert inner.attribution == "thinks"


@pytest.mark.parametrize(
    "text",
    [
        "Senator Maya Lindgren said that the dockworkers would refuse to unload the ships.",
        "Senator Maya Lindgren said the dockworkers must oppose the new contract.",
        "Senator Maya Lindgren said the dockworkers will support the new contract.",
        "Senator Maya Lindgren said that it was decided to close the pier.",
        "Senator Maya Lindgren said that officials believe the tax is unfair.",
        "Senator Maya Lindgren said the dockworkers support the new contract.",
    ],
)
def test_a_nested_act_foreseen_demanded_or_by_no_one_is_only_the_reporters_claim(
    extractor: Extractor, text: str
) -> None:
    """The dockworkers have refused, opposed and supported nothing: Lindgren says they
    will. Stored as their position, a search by speaker would show them taking it. Unnamed
    officials or dockworkers have no name to search by: their view stays in hers."""
    extraction = extractor.extract(clean_article(text))
    assert [s.speaker_mention for s in extraction.statements] == ["Senator Maya Lindgren"]


def test_a_nested_act_on_an_object_stays_in_the_reporters_statement(
    extractor: Extractor,
) -> None:
    """Lindgren's account of what the governor did is hers: the governor said nothing of his
    own that "the harbour board" could stand for."""
    text = "Senator Maya Lindgren said the governor mocked the harbour board."
    extraction = extractor.extract(clean_article(text))
    assert [(s.speaker_mention, s.cue) for s in extraction.statements] == [
        ("Senator Maya Lindgren", "said")
    ]


def test_a_nested_position_on_an_object_is_still_its_holders(extractor: Extractor) -> None:
    text = "Senator Maya Lindgren said Governor Tom Hale supports the new contract."
    extraction = extractor.extract(clean_article(text))
    inner = next(s for s in extraction.statements if s.cue == "supports")
    assert (inner.speaker_mention, inner.text) == ("Governor Tom Hale", "the new contract")
    assert inner.reported_in is not None


def test_a_speakers_own_belief_inside_their_statement_is_not_a_second_statement(
    extractor: Extractor,
) -> None:
    text = "Senator Maya Lindgren said she wants the tax to be cut before the election."
    extraction = extractor.extract(clean_article(text))
    assert [s.text for s in extraction.statements] == [
        "she wants the tax to be cut before the election"
    ]
    assert extraction.statements[0].reported_in is None


def test_what_a_speaker_says_in_a_relative_clause_is_a_second_statement(
    extractor: Extractor,
) -> None:
    text = "Senator Maya Lindgren attacked the harbour rules, which she said would close the port."
    extraction = extractor.extract(clean_article(text))
    said = next(s for s in extraction.statements if s.cue == "said")
    attacked = next(s for s in extraction.statements if s.cue == "attacked")
    assert said.speaker_mention == "she"
    assert "would close the port" in said.text
    # an aside after the attack, not something the attack reports
    assert attacked.text == "the harbour rules"
    assert said.reported_in is None


def _statement(mention: str, *, kind: str = "indirect", cue: str = "said") -> StatementRecord:
    return StatementRecord(
        kind=kind,
        cue=cue,
        text="the bridge will reopen",
        start=0,
        end=22,
        paragraph=0,
        speaker_mention=mention,
    )


@pytest.mark.parametrize(
    ("outer", "inner", "outer_kind", "bound"),
    [
        ("the county engineer", "he", "indirect", True),
        ("An engineer for the county", "she", "indirect", True),
        ("Mary Raman", "she", "indirect", True),
        ("Mrs. Raman", "he", "indirect", False),
        ("Mary Raman", "he", "indirect", False),
        ("she", "he", "indirect", False),
        ("two county officials", "they", "indirect", True),
        ("Raman and Ellis", "they", "indirect", True),
        ("the county engineer", "they", "indirect", False),
        ("two county officials", "he", "indirect", False),
        ("the county engineer", "I", "direct", True),
        ("the county engineer", "I", "indirect", False),
        ("I", "he", "indirect", False),
        ("the county engineer", "the mayor", "indirect", False),
    ],
)
def test_a_pronoun_source_inside_a_report_is_bound_by_the_reporter(
    outer: str, inner: str, outer_kind: str, bound: bool
) -> None:
    assert bound_by_reporter(_statement(inner), _statement(outer, kind=outer_kind)) is bound


def test_a_pronoun_bound_by_the_reporter_is_not_a_second_statement_even_misresolved() -> None:
    """The speaker book gave "they" to the last group named; the officials' report binds it."""
    speakers = (SpeakerInfo("two county officials", kind="anonymous"), SpeakerInfo("Cole and Ray"))
    outer = replace(
        _statement("two county officials"), text="they expect the bridge to reopen", speaker=0
    )
    inner = replace(_statement("they"), start=5, reported_in=0, speaker=1)
    assert without_self_reports([outer, inner], speakers=speakers) == (outer,)


@pytest.mark.parametrize(("kind", "kept"), [("person", True), ("anonymous", False)])
def test_a_nested_statement_stands_alone_only_when_its_speaker_is_named(
    kind: str, kept: bool
) -> None:
    """A search by name finds what others report of Cole; "an engineer" has no name."""
    speakers = (SpeakerInfo("Mary Raman"), SpeakerInfo("Ann Cole", kind=kind))
    outer = replace(_statement("Mary Raman"), speaker=0)
    inner = replace(_statement("Cole"), start=5, reported_in=0, speaker=1)
    assert (inner in without_self_reports([outer, inner], speakers=speakers)) is kept


def test_what_someone_determined_is_a_finding_not_speech() -> None:
    assert attribution_class(cue="determined", kind="indirect", source_kind="person") == "thinks"


def test_a_view_for_someone_is_not_speech() -> None:
    assert attribution_class(cue="For", kind="indirect", source_kind="person") == "thinks"
