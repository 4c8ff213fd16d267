"""A title-case headline that reports an act, on headlines written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.nlp.test_statements import statements

BODY = "\n\nThe ferry will not run this winter, officials said on Monday."


def headline_statements(nlp: Language, headline: str) -> list[tuple[str, str, str]]:
    text = headline + BODY
    found = statements(nlp, text, headline=headline)
    return [(s.speaker_mention, s.cue, s.text) for s in found if s.start < len(headline)]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Harbour Mayor Ann Hale Praises New Ferry Timetable.",
            ("Harbour Mayor Ann Hale", "Praises", "New Ferry Timetable"),
        ),
        (
            "Senator Wu Blasts Council Over Library Closure, Cites Costs.",
            ("Senator Wu", "Blasts", "Council Over Library Closure"),
        ),
        (
            "This Ferry Union Just Dismissed the Mayor's Budget.",
            ("This Ferry Union", "Dismissed", "the Mayor's Budget"),
        ),
    ],
)
def test_a_title_case_headline_reports_its_subjects_act(
    nlp: Language, headline: str, expected: tuple[str, str, str]
) -> None:
    assert headline_statements(nlp, headline) == [expected]


@pytest.mark.parametrize(
    "headline",
    [
        "Harbour Candidates Give Calculated Ferry Predictions.",
        "A Long Winter for the Harbour Ferry.",
    ],
)
def test_a_headline_with_no_speech_act_has_no_statement(nlp: Language, headline: str) -> None:
    assert headline_statements(nlp, headline) == []
