"""Normalisation and the near-duplicate threshold: plain text, no database."""

from __future__ import annotations

import pytest

from claims.nlp.claim_keys import (
    MIN_WORDS,
    NEAR_DUPLICATE,
    claim_keys,
    normalize_claim,
    similarity,
)

BASE = (
    "The senator said the trade deal would cost the state thousands of manufacturing "
    "jobs over the next ten years"
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("“It’s over,” he said.", "its over he said"),
        ("We will WIN   this\nrace.", "we will win this race"),
        ("Don't tread on me", "Don’t tread on me!"),
        ("The U.S. economy", "the US economy"),
        ("Café society", "cafe society"),
        ("«Nous gagnerons»", '"nous gagnerons"'),
    ],
)
def test_case_punctuation_quote_marks_and_whitespace_do_not_count(one, other):
    assert normalize_claim(one) == normalize_claim(other)
    assert claim_keys(one).exact == claim_keys(other).exact


def test_different_words_normalise_differently():
    assert normalize_claim("We will win") != normalize_claim("We will not win")


def test_a_one_word_change_in_a_long_statement_is_a_near_duplicate():
    changed = BASE.replace("thousands", "hundreds")
    assert similarity(claim_keys(BASE).signature, claim_keys(changed).signature) >= NEAR_DUPLICATE


def test_a_different_statement_on_the_same_subject_is_not():
    other = (
        "The senator said the trade deal would bring the state thousands of new jobs in "
        "farming and in services"
    )
    assert similarity(claim_keys(BASE).signature, claim_keys(other).signature) < NEAR_DUPLICATE


def test_near_duplicates_share_a_band_key_and_strangers_do_not():
    changed = BASE.replace("ten years", "decade")
    stranger = "Officials in the capital announced a new budget for schools and hospitals today"
    assert set(claim_keys(BASE).bands) & set(claim_keys(changed).bands)
    assert not set(claim_keys(BASE).bands) & set(claim_keys(stranger).bands)


def test_short_statements_are_too_generic_to_merge():
    short = " ".join(["win"] * (MIN_WORDS - 1))
    assert not claim_keys(short).mergeable
    assert claim_keys(short + " now").mergeable


def test_keys_are_the_same_in_every_process():
    # Band keys are stored and compared with those of other processes and machines: a key
    # that moved (Python's salted hash, another seed) would silently stop every merge.
    keys = claim_keys(BASE)
    assert keys.exact == "6c66bf939672da25d18f91d6c8bb386e4e65feba"
    assert keys.bands[0] == 2799376460314074579
