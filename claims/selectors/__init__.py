"""Reads: the queries views, admin and commands use."""
