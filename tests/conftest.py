"""Shared fixtures: the spaCy pipeline (loaded once per test process) and an extractor.

Tests that load the model are marked ``nlp`` here, in one place, so that
``pytest -m "not nlp"`` is the fast lane and a new test in those folders needs no marker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from spacy.language import Language

from claims.nlp.language import load_first
from claims.nlp.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_da7420e05ba4231f.txt"
TESTS = Path(__file__).resolve().parent

# Folders whose tests drive the real pipeline (the commands ingest through it), and the
# fixtures that load it for a test anywhere else.
NLP_FOLDERS = {"nlp", "commands"}
MODEL_FIXTURES = {"nlp", "extractor"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in NLP_FOLDERS or MODEL_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.nlp)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_first(settings.CLAIMTRACKER_SPACY_MODELS)


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    return Extractor(nlp)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(autouse=True)
def _parse_in_a_thread(settings) -> None:
    """``manage.py ingest`` parses in a child process by default; in-process tests parse in
    a thread (a child per command would load the model again each time). The child path has
    its own tests (tests/services/test_parsers.py, and tests/reliability through manage.py)."""
    settings.CLAIMTRACKER_PARSE_IN_CHILD = False
