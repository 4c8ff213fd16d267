"""Domain exceptions: what services raise when a request cannot be carried out.

They say what went wrong in words a user can act on, and nothing about HTTP:
``claims.api.exception_handlers`` maps each to a status; commands turn them into
``CommandError``.
"""

from __future__ import annotations


class ApplicationError(Exception):
    """A request the application refuses; ``message`` is shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RowReplacedError(ApplicationError):
    """The row under review is gone: a re-extraction replaced it before the review was saved."""


class ArticleRejectedError(ApplicationError):
    """An article that cannot be stored: no article text, not text at all, or a URL clash."""
