"""The review admin: one module per model admin; importing them registers them."""

from claims.admin import articles, speakers, stances, statements, topics

__all__ = ["articles", "speakers", "stances", "statements", "topics"]
