"""The review admin: one module per model admin; importing them registers them."""

from claims.admin import articles, claims, site, speakers, stances, statements, topics

__all__ = ["articles", "claims", "site", "speakers", "stances", "statements", "topics"]
