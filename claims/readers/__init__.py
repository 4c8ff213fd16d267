"""Readers turn files, folders, HTML pages and JSON Lines into raw article records.

``read_sources`` is the entry point: paths in, a lazy stream of ``RawArticle`` and
``ReadFailure`` out; ``count_articles`` sizes a progress bar for the same paths.
"""

from claims.readers.decoding import MAX_ARTICLE_BYTES
from claims.readers.paths import STDIN, expand_paths
from claims.readers.records import RawArticle, ReadFailure
from claims.readers.sources import count_articles, read_file, read_sources, read_stdin

__all__ = [
    "MAX_ARTICLE_BYTES",
    "STDIN",
    "RawArticle",
    "ReadFailure",
    "count_articles",
    "expand_paths",
    "read_file",
    "read_sources",
    "read_stdin",
]
