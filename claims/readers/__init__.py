"""Readers turn files, folders, HTML pages and JSON Lines into raw article records."""
