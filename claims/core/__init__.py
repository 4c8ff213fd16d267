"""Helpers every layer may use: domain exceptions, alias folding, the resolution lock.

Nothing here imports the services, selectors, API, admin or commands.
"""
