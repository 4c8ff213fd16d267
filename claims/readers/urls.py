"""Which URLs an article may carry: http and https addresses, nothing that would run or lie.

"javascript:alert(1)" or "not a url at all" stored as an article's URL broke the API's own
schema (``format: uri``) and would be a link a reader could click.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL_LENGTH = 2000


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an article's address, or None when it is one."""
    if len(url) > MAX_URL_LENGTH:
        return f"is longer than {MAX_URL_LENGTH} characters"
    if any(char <= " " or char == "\x7f" or "\ud800" <= char <= "\udfff" for char in url):
        return "holds spaces or control characters"
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "http://[::1" and the like
        return f"is not a URL ({error})"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an http(s) address"
    if not parts.hostname:
        return "names no host"
    return None
