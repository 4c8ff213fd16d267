"""Which language an article is written in, roughly: enough to say why an article in
another language yields no statement (the extractor reads English only).

No model and no download: the writing system of the letters first (Cyrillic, Arabic, Han,
Hangul…), then, among the languages written in it, the one whose commonest words the text
uses most. Good for a paragraph or more of running text; a headline alone may be missed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Letters looked at: enough for the script and the words, bounded for a 5 MB text.
_SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest short words of each language (function words: articles, pronouns,
# prepositions, conjunctions), by writing system.
_COMMON_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "Latin": {
        "English": _words(
            "the of and to in is that for it was on with as he said be by at his are from "
            "this have not but they an which had"
        ),
        "French": _words(
            "le la les de des du et est un une que qui dans pour pas sur au avec il elle "
            "sont ce ne par"
        ),
        "German": _words(
            "der die das und ist nicht ein eine zu den von mit sich des auf für im dem "
            "auch es sie wird"
        ),
        "Spanish": _words(
            "el la los las de del y que en un una es por con no se para al lo como su más pero"
        ),
        "Italian": _words(
            "il lo la gli le di e che è un una per non con del della si sono da nel anche ma"
        ),
        "Portuguese": _words(
            "o a os as de do da e que em um uma é não para com por se no na dos mais mas"
        ),
        "Dutch": _words(
            "de het een en van is dat niet op te in met zijn voor er die aan ook maar hij"
        ),
        "Swedish, Danish or Norwegian": _words(
            "och att det som en är på av för med den til og er ikke jeg har inte ble"
        ),
        "Polish": _words("i w z na się nie do to że jest o jak ale po co przez dla od"),
        "Turkish": _words("ve bir bu da de için ile çok ne olarak daha gibi ama mı olan"),
        "Indonesian or Malay": _words(
            "yang dan di ini itu dengan untuk dari tidak akan pada dalam ke adalah"
        ),
    },
    "Cyrillic": {
        "Russian": _words("и в не на что с по как это он она к из за от для но"),
        "Ukrainian": _words("і в не на що з та як це до він вона від для але"),
        "Bulgarian": _words("и в не на че да се за от с по като това е"),
    },
    "Arabic": {
        "Arabic": _words("في من على إلى أن عن مع هذا التي الذي"),
        "Persian": _words("و در به از که این را با است برای"),
        "Urdu": _words("کے میں کی ہے اور سے کو نے پر"),
    },
}
# A writing system used by one language here, or named for itself.
_SCRIPT_LANGUAGE = {
    "Han": "Chinese",
    "Kana": "Japanese",
    "Hangul": "Korean",
    "Greek": "Greek",
    "Hebrew": "Hebrew",
    "Devanagari": "Hindi, Marathi or Nepali",
    "Thai": "Thai",
    "Georgian": "Georgian",
    "Armenian": "Armenian",
    "Bengali": "Bengali",
}
_SCRIPT_PREFIXES = {
    "CJK": "Han",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
}


@dataclass(frozen=True, slots=True)
class Detected:
    language: str  # "English", "Russian", or "unknown"
    script: str  # "Latin", "Cyrillic", "Han"…

    @property
    def english(self) -> bool:
        return self.language == "English"

    def describe(self) -> str:
        if self.language == "unknown":
            return f"a language other than English ({self.script} script)"
        return f"{self.language} ({self.script} script)"


def detect_language(text: str) -> Detected:
    """The language ``text`` is most likely written in."""
    sample = text[:_SAMPLE_CHARS]
    script = _main_script(sample)
    if script == "Han" and _has_kana(sample):
        script = "Kana"
    if script in _SCRIPT_LANGUAGE:
        return Detected(_SCRIPT_LANGUAGE[script], "Han" if script == "Kana" else script)
    candidates = _COMMON_WORDS.get(script)
    if not candidates:
        return Detected("unknown", script)
    words = Counter(word.lower() for word in _WORD.findall(sample))
    scores = {
        language: sum(words[word] for word in common) for language, common in candidates.items()
    }
    best = max(scores, key=lambda language: scores[language])
    return Detected(best if scores[best] else "unknown", script)


def _main_script(sample: str) -> str:
    scripts: Counter[str] = Counter()
    for char in sample:
        if char.isalpha():
            scripts[_script_of(char)] += 1
    return scripts.most_common(1)[0][0] if scripts else "none"


def _script_of(char: str) -> str:
    if char < "\u0250":
        return "Latin"
    first = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return _SCRIPT_PREFIXES.get(first, first.title())


def _has_kana(sample: str) -> bool:
    return any("\u3040" <= char <= "\u30ff" for char in sample)
