"""What ingest refuses as not prose, and what it must not: both sides, on texts written here."""

from __future__ import annotations

import random
import string

import pytest

from claims.nlp.prose import not_prose_reason


def printable_noise(size: int, seed: int = 17) -> str:
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(32, 127)) for _ in range(size))


SHORT_ARTICLE = (
    "Council delays vote\n\n"
    "The city council delayed its vote on the bus lanes until March, Mayor Linda Choi said."
)
RESULTS_TABLE = (
    "Alvarez wins the second district\n\n"
    "Maria Alvarez won the second district by 1,204 votes, the county said on Wednesday.\n\n"
    "Candidate        Votes     Share   Change\n"
    "M. Alvarez (D)   48,311    50.6%   +3.2\n"
    "T. Becker (R)    47,107    49.4%   -3.2\n"
    "Turnout          95,418    61.2%   +4.8\n"
    "Precincts        212/212   100%\n"
    "Q3 2024 GDP      2.8%      1.6%    +1.2\n"
)
FRENCH = (
    "Le maire défend son budget\n\n"
    "Le maire a déclaré lundi que le budget de la ville ne serait pas réduit, malgré les "
    "critiques de l'opposition qui réclame des économies dès l'année prochaine.\n"
)
GERMAN = (
    "Die Ministerin verteidigt den Haushalt. Sie sagte am Montag, dass die Ausgaben für "
    "Schulen nicht gekürzt würden und die Regierung an ihren Plänen festhalte.\n"
)
RUSSIAN = (
    "Министр заявил в понедельник, что переговоры с профсоюзом возобновятся на следующей "
    "неделе, и что он уверен в достижении соглашения до конца года.\n"
)
HINDI = "मंत्री ने सोमवार को कहा कि सरकार अगले साल स्कूलों के लिए बजट बढ़ाएगी और नई योजना लाएगी।\n"
CHINESE = "部长周一表示，政府将在明年增加教育预算，并推出新的计划。反对党批评该计划缺乏资金。\n"
FINNISH = (
    "Ministeri sanoi maanantaina, että hallitus lisää ensi vuonna koulujen rahoitusta ja "
    "esittelee uuden suunnitelman syksyllä.\n"
)


@pytest.mark.parametrize("size", [300, 20_000, 1_000_000])
def test_random_printable_ascii_is_refused_as_not_words(size: int):
    reason = not_prose_reason(printable_noise(size))

    assert reason is not None and "mostly not words" in reason, reason


def test_noise_after_a_paragraph_of_prose_is_still_refused():
    text = SHORT_ARTICLE + "\n\n" + printable_noise(200_000)

    assert "mostly not words" in (not_prose_reason(text) or "")


@pytest.mark.parametrize(
    "text",
    [SHORT_ARTICLE, RESULTS_TABLE, FRENCH, GERMAN, RUSSIAN, HINDI, CHINESE, FINNISH],
    ids=["short", "table", "french", "german", "russian", "hindi", "chinese", "finnish"],
)
def test_real_short_articles_tables_and_other_languages_are_prose(text: str):
    assert not_prose_reason(text) is None


def test_a_news_text_with_urls_handles_and_codes_is_prose():
    text = (
        "Senator Maria Alvarez said the F-35 order for 2025-26 would cost $1.7bn, "
        "according to the report at https://example.org/report?id=42. "
        "@AlvarezPress posted the COVID-19 figures (PDF) at 10:30am. "
    ) * 5

    assert not_prose_reason(text) is None


def test_symbols_are_still_refused_as_not_letters():
    assert "mostly not letters" in (not_prose_reason("#%" * 5_000) or "")


def test_a_name_alone_is_not_judged():
    assert not_prose_reason("Zelenskyy") is None
    assert not_prose_reason(string.ascii_letters[:12]) is None
