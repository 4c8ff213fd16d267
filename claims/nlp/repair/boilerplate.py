"""Recognises lines that belong to the page around an article, not to the article.

Comment prompts, share/subscribe/follow buttons, "Advertisement", "Story continues below
advertisement", "Read more" links and cookie notices. Only whole, short lines are matched, so
a sentence that merely mentions subscribing or cookies stays. Caption and link lines headed
by a label ("WATCH: …", "READ MORE: …", "LOOK: …") are dropped whole, whatever they say.
"""

from __future__ import annotations

import re

# Longer lines are prose, whatever words they start with (cookie notices excepted).
_MAX_WORDS = 12
_MAX_COOKIE_NOTICE_WORDS = 60

_BUTTON_LINE = re.compile(
    r"""
    (?:
        leave\ a\ (?:comment|reply)
      | (?:\d+\ )?comments?(?:\ \(\d+\))?
      | (?:view|show|add|post)\ (?:a\ |all\ |the\ )?comments?
      | advertisement | sponsored(?:\ content)?
      | (?:story|article)\ continues\ (?:below|after)(?:\ (?:this\ )?advertisement)?
      | (?:read|see)\ (?:more|also)\b.*
      | continue\ reading\b.*
      | click\ here\b.*
      | (?:share|tweet|pin|email|print)(?:\ (?:this|it|on|via)\b.*)?
      | (?:subscribe|sign\ up)(?:\ (?:now|today|here|to|for)\b.*)?
      | follow\ (?:us|me|@\w+)\b.*
      | related(?:\ (?:articles|stories|coverage|news))?
      | (?:©|copyright\ (?:©\ ?)?\d{4}\b).* | all\ rights\ reserved\b.*
      | skip\ to\ (?:main\ )?content | back\ to\ top
    )
    [\s.:!»›→>|-]*
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A caption or link under a label: "WATCH: Mayor says…" is a video, not the article's prose.
_LABELLED_LINE = re.compile(
    r"(?:watch|look|listen|read\ more|more|related|photos?|videos?|gallery|see\ also)\s*:\s.*",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LABELLED_WORDS = 30
# An attribution makes a line reported speech, however much it looks like a button.
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b"
    r"|\b(?:accept|allow|manage) (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """True for a line (already stripped) that is page furniture rather than article text."""
    words = len(line.split())
    if words <= _MAX_LABELLED_WORDS and _LABELLED_LINE.fullmatch(line) and line[:1].isupper():
        return True
    if _ATTRIBUTION.search(line):
        return False
    if words <= _MAX_WORDS and _BUTTON_LINE.fullmatch(line):
        return True
    return words <= _MAX_COOKIE_NOTICE_WORDS and bool(_COOKIE_NOTICE.search(line))
