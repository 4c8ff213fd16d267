"""What a cue attributes when it is no clause: an act's object, "called for X to Y"; on
short texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp.attribution import THINKS, attribution_class, content_form
from tests.nlp.test_statements import only, statements, with_cue


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The mayor also mentioned the flooding in the old harbour.",
            "mentioned",
            "the flooding in the old harbour",
        ),
        (
            "The senator cited the rising cost of ferry tickets.",
            "cited",
            "the rising cost of ferry tickets",
        ),
        ("Governor Hale is thanking volunteers at a rally in Dunmore.", "thanking", "volunteers"),
        (
            "Ms. Ortiz challenged the accuracy of the census figures.",
            "challenged",
            "the accuracy of the census figures",
        ),
    ],
)
def test_an_acts_object_is_what_it_attributes(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == cue
    assert found.text.startswith(content)


def test_an_acts_bare_object_is_no_claim_said(nlp: Language) -> None:
    text = "The mayor also mentioned the flooding in the old harbour."
    found = only(statements(nlp, text))
    span = nlp(text).char_span(found.start, found.end)
    assert (
        attribution_class(
            cue=found.cue, kind=found.kind, source_kind="person", content=content_form(span)
        )
        == THINKS
    )


@pytest.mark.parametrize(
    "text",
    [
        "The governor told reporters at the airport.",
        "The council issued new bonds to pay for the bridge.",
    ],
)
def test_a_speech_verb_that_needs_a_clause_has_no_bare_object(nlp: Language, text: str) -> None:
    assert statements(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor has called for the police chief to resign.", "the police chief to resign"),
        ("Senator Wu is calling for the city to raise its budget.", "the city to raise its budget"),
    ],
)
def test_called_for_someone_to_act_takes_the_demand(nlp: Language, text: str, content: str) -> None:
    found = only(statements(nlp, text))
    assert found.cue.endswith(" for")
    assert found.text == content


def test_a_cue_reports_the_clause_after_it_not_one_before(nlp: Language) -> None:
    text = (
        "Hale hired a plane to fly over the rally — people suspected that "
        "he was behind the new banner."
    )
    found = only(statements(nlp, text))
    assert found.cue == "suspected"
    assert found.text == "that he was behind the new banner"


def test_a_cue_with_an_object_after_it_does_not_report_the_clause_before(
    nlp: Language,
) -> None:
    text = (
        "He owned the Harbour Gulls for a decade — Hale also offered his early "
        "assessment of the final between the Gulls and the Rovers."
    )
    found = only(statements(nlp, text))
    assert found.cue == "offered"
    assert found.text.startswith("his early assessment")


def test_a_clause_before_a_cue_with_nothing_after_it_is_reported(nlp: Language) -> None:
    found = only(statements(nlp, "The ferry will run again in June, the mayor said."))
    assert found.text == "The ferry will run again in June"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Hale called the ferry timetable “a disgrace” on Monday.",
            "the ferry timetable “a disgrace”",
        ),
        (
            'The senator called the use of emergency powers "quite dangerous."',
            'the use of emergency powers "quite dangerous."',
        ),
    ],
)
def test_a_quoted_predicate_after_the_object_is_what_was_called(
    nlp: Language, text: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == "called"
    assert found.text == content


@pytest.mark.parametrize(
    "text",
    [
        "The ferry will not run this winter, the mayor told her closest advisers.",
        "The ferry will not run this winter, a council spokesman told The Harbour Times.",
    ],
)
def test_a_hearer_after_the_cue_leaves_it_the_clause_before(nlp: Language, text: str) -> None:
    found = only(statements(nlp, text))
    assert found.cue == "told"
    assert found.text == "The ferry will not run this winter"


def test_a_reported_figure_is_what_was_reported(nlp: Language) -> None:
    found = only(statements(nlp, "The ferry company reported a loss of four million crowns."))
    assert found.cue == "reported"
    assert found.text == "a loss of four million crowns"


def test_an_as_clause_after_the_object_says_what_the_object_is(nlp: Language) -> None:
    text = "Mayor Hale sees the council as captured by a small group of landlords."
    found = only(statements(nlp, text))
    assert found.cue == "sees"
    assert found.text == "the council as captured by a small group of landlords"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Senator Hale urged the council to delay the vote.",
            "urged",
            "the council to delay the vote",
        ),
        (
            "The judge ordered the harbour board to release the emails.",
            "ordered",
            "the harbour board to release the emails",
        ),
        (
            "Ms. Lund called on the mayor to resign over the ferry fire.",
            "called on",
            "the mayor to resign over the ferry fire",
        ),
    ],
)
def test_the_one_urged_to_act_is_part_of_what_is_urged(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert found.cue == cue
    assert found.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The host asked the senator if he would run again.", "if he would run again"),
        (
            "Reporters wondered whether the ferry would sail on time.",
            "whether the ferry would sail on time",
        ),
    ],
)
def test_an_if_or_whether_clause_is_the_question_asked(
    nlp: Language, text: str, content: str
) -> None:
    found = only(statements(nlp, text))
    assert found.text == content


def test_a_question_put_with_if_names_no_asker(nlp: Language) -> None:
    found = with_cue(statements(nlp, "Asked if he was ever bullied, the mayor said no."), "Asked")
    assert found.text == "if he was ever bullied"
    assert found.speaker_mention == ""


def test_what_someone_was_asked_about_is_attributed_to_no_one(nlp: Language) -> None:
    found = only(statements(nlp, "Later, Ms. Lund was asked about the speeches she gave."))
    assert found.cue == "asked"
    assert "the speeches she gave" in found.text
    assert found.speaker_mention == ""


def test_a_that_clause_suggested_after_the_report_is_a_second_statement(nlp: Language) -> None:
    text = (
        "The campaign said he has not accepted any new speeches and suggested that "
        "the bigger question is elsewhere."
    )
    found = statements(nlp, text)
    assert with_cue(found, "said").text == "he has not accepted any new speeches"
    assert with_cue(found, "suggested").text == "that the bigger question is elsewhere"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The fishermen fear the re-election of the harbour board.",
            "fear",
            "the re-election of the harbour board",
        ),
        (
            "Cole called herself pro-choice, but said the law should stay.",
            "called",
            "herself pro-choice",
        ),
    ],
)
def test_a_content_never_stops_inside_a_hyphenated_word(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    assert with_cue(statements(nlp, text), cue).text == content
