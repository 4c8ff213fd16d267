"""Shared fixtures: the spaCy pipeline (loaded once per test process) and an extractor."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from spacy.language import Language

from claims.nlp.language import load_first
from claims.nlp.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_da7420e05ba4231f.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_first(settings.CLAIMTRACKER_SPACY_MODELS)


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    return Extractor(nlp)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED
