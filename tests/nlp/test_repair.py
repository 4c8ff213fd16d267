"""Text repair: broken words, characters, boilerplate, paragraphs, headline and dateline."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.nlp.repair import clean_article
from claims.nlp.repair.characters import MAX_SYMBOL_RUN


def _body(text: str) -> str:
    """A short article with a headline, so the tested sentence is the body."""
    return f"Officials meet in the capital\n\n{text}"


# --- the seed article ---------------------------------------------------------------------


def test_seed_article_is_repaired_as_the_gold_annotation_says(seed_path: Path) -> None:
    clean = clean_article(seed_path.read_text(encoding="utf-8"))

    assert {repair.original: repair.repaired for repair in clean.repairs} == {
        "Re-cently": "Recently",
        "Septe-mber": "September",
        "Dusha-nbe": "Dushanbe",
        "add-ed": "added",
        "Bela-rus": "Belarus",
        "Partner-ship": "Partnership",
    }
    assert "military-political" in clean.text
    assert "so-called" in clean.text
    assert clean.boilerplate == ("Leave a Comment",)
    assert "Leave a Comment" not in clean.text
    assert clean.headline == (
        "Necessary to block supply of weapons to terrorists in Afghanistan — Lavrov"
    )
    assert (clean.dateline, clean.outlet) == ("MOSCOW", "TASS")


def test_seed_repairs_point_at_the_repaired_words(seed_path: Path) -> None:
    clean = clean_article(seed_path.read_text(encoding="utf-8"))

    for repair in clean.repairs:
        assert clean.text[repair.start : repair.start + len(repair.repaired)] == repair.repaired


# --- broken words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "joined"),
    [
        ("Re-cently", "Recently"),
        ("Septe-mber", "September"),
        ("Dusha-nbe", "Dushanbe"),
        ("add-ed", "added"),
        ("Bela-rus", "Belarus"),
        ("gov-ernment", "government"),
    ],
)
def test_a_word_broken_by_a_hyphen_is_joined(broken: str, joined: str) -> None:
    clean = clean_article(_body(f"The delegates {broken} arrived."))

    assert f"The delegates {joined} arrived." in clean.text
    assert [(r.original, r.repaired) for r in clean.repairs] == [(broken, joined)]


@pytest.mark.parametrize(
    "compound",
    [
        "military-political",
        "so-called",
        "well-known",
        "anti-terrorist",
        "Russian-led",
        "re-election",
        "e-mail",
        "co-operation",
        "follow-up",
        "cover-up",
        "pre-empt",
        "pro-Russian",
        "state-of-the-art",
        "COVID-19",
    ],
)
def test_a_real_hyphenated_word_is_kept(compound: str) -> None:
    clean = clean_article(_body(f"They spoke of the {compound} plan."))

    assert f"the {compound} plan" in clean.text
    assert clean.repairs == ()


def test_the_unbroken_word_elsewhere_in_the_article_decides_a_close_call() -> None:
    alone = clean_article(_body("The Partner-ship was signed."))
    with_evidence = clean_article(_body("The Partner-ship was signed. The Partnership grew."))

    assert "Partner-ship" in alone.text
    assert "The Partnership was signed." in with_evidence.text


def test_a_word_broken_at_a_line_end_is_joined_across_the_line() -> None:
    clean = clean_article(_body("The minister said the agree-\nment holds."))

    assert "the agreement holds." in clean.text
    assert clean.repairs[0].original == "agree-ment"


def test_a_compound_split_at_a_line_end_keeps_its_hyphen() -> None:
    clean = clean_article(_body("A well-\nknown diplomat spoke."))

    assert "A well-known diplomat spoke." in clean.text


def test_repair_offsets_account_for_earlier_repairs() -> None:
    clean = clean_article(_body("Septe-mber talks in Dusha-nbe were re-cently held."))

    assert [clean.text[r.start : r.start + len(r.repaired)] for r in clean.repairs] == [
        "September",
        "Dushanbe",
        "recently",
    ]


# --- characters and whitespace ----------------------------------------------------------------


def test_mojibake_is_fixed_but_curly_quotes_and_dashes_stay() -> None:
    clean = clean_article(_body("The cafÃ© owner said: “It’s over — for now.”"))

    assert "The café owner said: “It’s over — for now.”" in clean.text


def test_whitespace_is_normalised() -> None:
    clean = clean_article("Headline here\r\n\r\nOne  two\u00a0three\tfour.  \r\n\r\n\r\nNext.")

    assert clean.text == "Headline here\n\nOne two three four.\n\nNext."


def test_invisible_characters_are_removed() -> None:
    clean = clean_article(_body("news\u00adpaper\u200b editors"))

    assert "newspaper editors" in clean.text


@pytest.mark.parametrize(
    "invisible",
    ["\u200d", "\u200c", "\u200e", "\u200f", "\u180e", "\ufe0f", "\u2063", "\u202a", "\U000e0041"],
    ids=["ZWJ", "ZWNJ", "LRM", "RLM", "MVS", "VS16", "invisible-separator", "LRE", "tag"],
)
def test_every_default_ignorable_character_is_removed(invisible: str) -> None:
    """The same article with an invisible character slipped in is the same text (one hash)."""
    plain = clean_article(_body("The minister said the talks would resume."))

    variant = clean_article(
        _body(f"The min{invisible}ister said the talks{invisible} would resume.")
    )

    assert variant.text == plain.text


@pytest.mark.parametrize("run", ["!" * 40_000, "#" * 20_000, "!?" * 5_000, "😀" * 3_000, "_" * 500])
def test_a_long_run_of_punctuation_or_symbols_is_cut_short(run: str) -> None:
    """spaCy's tokenizer takes minutes over such a run: it is bounded before parsing."""
    clean = clean_article(_body(f"The mayor said {run} nothing more."))

    assert f"The mayor said {run[:MAX_SYMBOL_RUN]} nothing more." in clean.text


def test_short_runs_of_punctuation_stay() -> None:
    text = "“Really?!” he asked… — and then: “No!!!” ***** ---------- (see [1])."

    assert text in clean_article(_body(text)).text


# --- paragraphs -------------------------------------------------------------------------------


def test_paragraph_spans_cover_each_paragraph() -> None:
    clean = clean_article("Talks resume\n\nFirst paragraph.\n\nSecond paragraph.")

    assert [clean.text[start:end] for start, end in clean.paragraphs] == [
        "Talks resume",
        "First paragraph.",
        "Second paragraph.",
    ]


def test_without_blank_lines_each_line_is_a_paragraph_and_none_a_headline() -> None:
    clean = clean_article("First paragraph here.\nSecond paragraph here.")

    assert clean.headline == ""
    assert [clean.text[start:end] for start, end in clean.paragraphs] == [
        "First paragraph here.",
        "Second paragraph here.",
    ]


def test_line_breaks_inside_a_paragraph_do_not_split_it() -> None:
    clean = clean_article("Talks resume\n\nThe minister said the talks\nwould resume.\n\nEnd.")

    assert len(clean.paragraphs) == 3
    assert clean.paragraph_at(clean.text.index("would resume")) == 1


# --- boilerplate ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Comment",
        "Leave a reply",
        "12 Comments",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Talks stall again",
        "Share this article",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing.",
        "Follow us on Twitter",
        "Follow @worlddesk.",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "© 2021 Example News. All rights reserved.",
    ],
)
def test_boilerplate_lines_are_dropped_and_recorded(line: str) -> None:
    clean = clean_article(_body(f"The minister spoke.\n\n{line}\n\nHe left."))

    assert line not in clean.text
    assert clean.boilerplate == (line,)
    assert "The minister spoke." in clean.text
    assert "He left." in clean.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Sign up for health insurance before March, officials said.",
        "Readers can share their views at public meetings across the state next week.",
        "Comments from the minister came late on Tuesday.",
    ],
)
def test_sentences_that_only_look_like_boilerplate_stay(sentence: str) -> None:
    clean = clean_article(_body(sentence))

    assert sentence in clean.text
    assert clean.boilerplate == ()


# --- headline and dateline --------------------------------------------------------------------


def test_a_short_first_line_before_a_blank_line_is_the_headline() -> None:
    clean = clean_article("Minister warns of risks\n\nThe minister spoke on Monday.")

    assert clean.headline == "Minister warns of risks"
    assert clean.text.startswith("Minister warns of risks\n\n")


def test_a_single_paragraph_has_no_headline() -> None:
    clean = clean_article("The minister spoke on Monday.")

    assert clean.headline == ""


def test_a_given_title_becomes_the_first_paragraph() -> None:
    clean = clean_article("The minister spoke on Monday.", title="  Minister   warns ")

    assert clean.headline == "Minister warns"
    assert clean.text == "Minister warns\n\nThe minister spoke on Monday."
    assert clean.paragraphs == ((0, 14), (16, 45))


def test_a_given_title_already_opening_the_text_is_not_repeated() -> None:
    clean = clean_article("Minister warns\nThe minister spoke.", title="Minister warns")

    assert clean.text == "Minister warns\n\nThe minister spoke."


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("MOSCOW (TASS): ", "MOSCOW", "TASS"),
        ("WASHINGTON — ", "WASHINGTON", ""),
        ("NEW YORK (AP) -- ", "NEW YORK", "AP"),
        ("DALLAS (AP) — ", "DALLAS", "AP"),
        ("STATE COLLEGE, Pa. - ", "STATE COLLEGE, Pa.", ""),
        ("Washington (AFP) – ", "Washington", "AFP"),
        ("KABUL, Oct 3 (Reuters) - ", "KABUL", "Reuters"),
    ],
)
def test_the_dateline_is_recognised_and_kept_in_the_text(
    opening: str, dateline: str, outlet: str
) -> None:
    clean = clean_article(f"Talks resume\n\n{opening}The minister spoke on Monday.")

    assert (clean.dateline, clean.outlet) == (dateline, outlet)
    assert f"{opening}The minister spoke" in clean.text


@pytest.mark.parametrize(
    "opening",
    [
        "Washington: the view from the capital is grim.",
        "EXCLUSIVE — The minister spoke.",
        "WASHINGTON: The minister spoke.",
    ],
)
def test_openings_that_are_no_dateline(opening: str) -> None:
    clean = clean_article(f"Talks resume\n\n{opening}")

    assert (clean.dateline, clean.outlet) == ("", "")


def test_a_dateline_paragraph_is_not_taken_for_a_headline() -> None:
    clean = clean_article("WASHINGTON — The Senate voted.\n\nThe bill now goes to the House.")

    assert clean.headline == ""
    assert clean.dateline == "WASHINGTON"
