"""Natural-language processing for Claimtracker: text repair, statement and speaker
extraction, topic tagging and stance inference.

Everything here is plain Python and spaCy. Nothing imports Django, so the pipeline can be
tested and benchmarked alone; ``claims.services.ingest`` maps its records to models.
"""
