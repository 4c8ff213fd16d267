"""Settings modules: ``base`` (shared, read from the environment), ``local`` and ``production``."""
