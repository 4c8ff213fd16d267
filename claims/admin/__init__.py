"""The review admin: one module per model admin; importing them registers them."""

from claims.admin import articles, site, speakers, stances, statements, topics

__all__ = ["articles", "site", "speakers", "stances", "statements", "topics"]
