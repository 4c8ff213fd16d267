"""Writes: every change to the claims database goes through a service function."""
