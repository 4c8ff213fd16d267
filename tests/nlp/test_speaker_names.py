"""An emoji or a symbol is never a speaker, and no speaker's name outgrows a name."""

from __future__ import annotations

import pytest

from claims.nlp.pipeline import Extractor
from claims.nlp.repair import clean_article
from claims.nlp.speaker_names import MAX_NAME_CHARS, clean_name


def speakers_in(extractor: Extractor, sentence: str) -> list[tuple[str, str]]:
    extraction = extractor.extract(clean_article(f"Vote news today\n\n{sentence}"))
    for record in extraction.statements:
        assert record.speaker is None or record.speaker < len(extraction.speakers)
    return [(speaker.name, speaker.kind) for speaker in extraction.speakers]


@pytest.mark.parametrize(
    "sentence",
    [
        "“We will win the vote,” ❤️ Maria Alvarez said on Monday.",
        "Maria Alvarez ❤️ said that the plan would cost families more.",
    ],
)
def test_an_emoji_beside_a_name_is_not_part_of_it(extractor: Extractor, sentence: str) -> None:
    assert speakers_in(extractor, sentence) == [("Maria Alvarez", "person")]


@pytest.mark.parametrize(
    "sentence",
    [
        "❤️ said that the plan would cost families more.",
        "“We will win the vote,” said 👍.",
        "The ☢ said that the plan would cost families more.",
    ],
)
def test_an_emoji_or_symbol_alone_is_no_speaker(extractor: Extractor, sentence: str) -> None:
    assert all(any(c.isalpha() for c in name) for name, _ in speakers_in(extractor, sentence)), (
        "a speaker named by a symbol"
    )


def test_a_run_of_words_longer_than_any_name_is_no_speaker(extractor: Extractor) -> None:
    """It failed the whole article: the stored name holds 300 characters."""
    sentence = "“We will win,” " + " ".join(["Alexander"] * 40) + " Smith said."

    speakers = speakers_in(extractor, sentence)

    assert all(len(name) <= MAX_NAME_CHARS for name, _ in speakers)


def test_clean_name_keeps_letters_marks_and_name_punctuation() -> None:
    assert clean_name("José O’Neill-Núñez Jr. 🇺🇸") == "José O’Neill-Núñez Jr."
    assert clean_name("☢ ❤") == ""
