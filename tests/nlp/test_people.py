"""Which spans name a person: the tagger's labels corrected by the article's own evidence.

Each test sets the entity labels by hand (the mistakes the small model makes), so it pins the
rule and not the model's mood on the day."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.nlp.entities import ArticleEntities
from claims.nlp.people import person_spans


def labelled(nlp: Language, text: str, labels: list[tuple[str, str]]) -> Doc:
    """``text`` parsed, with exactly the entities ``labels`` names: (words, label) for each
    occurrence of the words, in text order."""
    doc = nlp(text)
    spans = []
    start = 0
    for words, label in labels:
        at = text.index(words, start)
        spans.append(doc.char_span(at, at + len(words), label=label))
        start = at + len(words)
    doc.ents = spans
    return doc


def names(spans: list[Span]) -> list[str]:
    return [span.text for span in spans]


def test_a_lone_surname_read_as_an_organisation_is_the_person_named_in_full(
    nlp: Language,
) -> None:
    text = (
        "Marit Oskarsson runs the ferry company in Norrvik.\n\n"
        "Oskarsson said that the timetable would change in spring."
    )
    doc = labelled(nlp, text, [("Marit Oskarsson", "PERSON"), ("Oskarsson", "ORG")])
    assert names(person_spans(doc)) == ["Marit Oskarsson", "Oskarsson"]


def test_a_name_after_a_title_inside_an_organisation_is_a_person(nlp: Language) -> None:
    text = "Hereditary Chief Tawes Niyo said that the bridge would stay closed."
    doc = labelled(nlp, text, [("Hereditary Chief Tawes Niyo", "ORG")])
    assert names(person_spans(doc)) == ["Tawes Niyo"]


def test_an_organisation_label_with_she_after_it_is_a_person(nlp: Language) -> None:
    text = "Ilvekas told the council she would vote against the plan."
    doc = labelled(nlp, text, [("Ilvekas", "ORG")])
    assert names(person_spans(doc)) == ["Ilvekas"]


def test_a_centre_a_bill_and_a_photo_credit_are_not_people(nlp: Language) -> None:
    text = (
        "Researchers at the Varnby Centre said that Bill C-12 would pass. "
        "(Joanna Brisk / Daily Courier)"
    )
    doc = labelled(
        nlp,
        text,
        [
            ("Varnby Centre", "PERSON"),
            ("Bill C-12", "PERSON"),
            ("Joanna Brisk / Daily Courier", "PERSON"),
        ],
    )
    assert person_spans(doc) == []


def test_the_start_of_a_school_name_is_not_a_person(nlp: Language) -> None:
    text = (
        "Parents at Halvik Catholic High School met on Monday. "
        "Halvik Catholic has a long history of rowing."
    )
    doc = labelled(
        nlp, text, [("Halvik Catholic High School", "PERSON"), ("Halvik Catholic", "PERSON")]
    )
    assert person_spans(doc) == []


def test_a_name_read_as_a_place_is_a_person_only_when_the_article_says_so(
    nlp: Language,
) -> None:
    text = (
        "Megan Tollack described the seized boats to a Nova Scotia court.\n\n"
        "The case was later touched on by Tollack, who asked for a fine."
    )
    doc = labelled(
        nlp, text, [("Megan Tollack", "GPE"), ("Nova Scotia", "GPE"), ("Tollack", "PERSON")]
    )
    assert names(person_spans(doc)) == ["Megan Tollack", "Tollack"]


def test_a_show_named_after_the_is_not_a_person(nlp: Language) -> None:
    text = "Viewers of The Bachelor said that the finale was too long."
    doc = labelled(nlp, text, [("The Bachelor", "PERSON")])
    assert person_spans(doc) == []


def test_an_organisation_untagged_elsewhere_is_still_mentioned_there(nlp: Language) -> None:
    text = (
        "Brennick makes ferries in Varnby. Tollan builds piers there.\n\n"
        "Brennick said on Monday that sales had doubled."
    )
    doc = labelled(nlp, text, [("Brennick", "ORG"), ("Varnby", "GPE"), ("Tollan", "ORG")])
    described = ArticleEntities(doc).described("company", before=len(text))
    assert described is not None and described.name == "Brennick"


def test_a_hyphenated_name_or_a_modifier_is_not_a_person(nlp: Language) -> None:
    text = "Al-Tamra fighters held the bridge, a Nova Scotia court heard on Monday."
    doc = labelled(nlp, text, [("Al-Tamra", "ORG")])
    assert person_spans(doc) == []


def test_a_body_named_in_apposition_is_not_a_person(nlp: Language) -> None:
    text = "The British aid group Brannock said its director had been killed."
    doc = labelled(nlp, text, [("Brannock", "PERSON")])
    assert person_spans(doc) == []


def test_a_name_read_in_a_title_case_headline_keeps_only_the_words_of_names(
    nlp: Language,
) -> None:
    """In title case the model takes "Says" or "Will" for part of a name: the speaker was
    "Lund Says", and every later "Ms. Lund" went to it."""
    text = (
        "Will Lund Run Again? Harbour Chief Mira Dahl Says Port Comes First\n\n"
        "Mayor Anna Lund said the harbour would come first, and Ms. Dahl agreed."
    )
    doc = labelled(
        nlp,
        text,
        [
            ("Will Lund Run", "PERSON"),
            ("Mira Dahl Says", "PERSON"),
            ("Anna Lund", "PERSON"),
            ("Dahl", "PERSON"),
        ],
    )
    assert names(person_spans(doc)) == ["Lund", "Mira Dahl", "Anna Lund", "Dahl"]


def test_a_name_in_a_sentence_case_first_line_is_read_as_it_stands(nlp: Language) -> None:
    text = "Mira Dahl Says nothing new, the port said on Monday.\n\nDahl left early."
    doc = labelled(nlp, text, [("Mira Dahl Says", "PERSON"), ("Dahl", "PERSON")])
    assert names(person_spans(doc)) == ["Mira Dahl Says", "Dahl"]
