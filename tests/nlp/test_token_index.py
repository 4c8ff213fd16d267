"""The token finders give what a pass over every token gives, in text order."""

from __future__ import annotations

from spacy.language import Language

from claims.nlp.token_index import capitalised, line_numbers, tokens_lowered, tokens_tagged

TEXT = (
    "Mayor Ann Cole said the bridge would reopen.\n"
    "According to the city, repairs reportedly cost more.\n\n"
    "In a new poll, According voters said IN no uncertain terms they approve."
)


def test_tokens_lowered_match_every_casing_in_order(nlp: Language) -> None:
    doc = nlp(TEXT)

    found = tokens_lowered(doc, ("according", "in"))

    assert [t.i for t in found] == [t.i for t in doc if t.lower_ in ("according", "in")]
    assert [t.text for t in found] == ["According", "In", "According", "IN"]


def test_tokens_tagged_are_those_with_the_part_of_speech(nlp: Language) -> None:
    doc = nlp(TEXT)

    assert [t.i for t in tokens_tagged(doc, ("VERB", "PROPN"))] == [
        t.i for t in doc if t.pos_ in ("VERB", "PROPN")
    ]


def test_capitalised_are_the_words_opening_with_a_capital(nlp: Language) -> None:
    doc = nlp(TEXT)

    assert [t.i for t in capitalised(doc)] == [t.i for t in doc if t.text[:1].isupper()]


def test_line_numbers_count_the_breaks_before_each_word(nlp: Language) -> None:
    doc = nlp(TEXT)

    lines = line_numbers(doc)

    assert len(lines) == len(doc)
    assert lines[0] == 0
    assert lines[[t.text for t in doc].index("According")] == 1
    assert lines[[t.text for t in doc].index("poll")] == 3
    assert lines == [doc.text[: t.idx].count("\n") for t in doc]
