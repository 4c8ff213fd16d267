"""The API's documentation pages (Swagger UI, Redoc), under the site's Content-Security-Policy.

drf-spectacular's default pages run their set-up script inline and style the page with an
inline ``<style>`` (Redoc's also loads Google fonts); the policy allows none of these. The
Swagger split view serves its set-up script from this same address (``?script``); both
templates link their page styles from a file, and Redoc reads the schema from a ``<redoc>``
element. Redoc itself injects ``<style>`` elements and runs a worker from a ``blob:``, so
its page alone allows inline styles and blob workers (never inline scripts).
"""

from __future__ import annotations

from collections.abc import Callable

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView


class SwaggerDocsView(SpectacularSwaggerSplitView):
    template_name = "claims/api/swagger_ui.html"


class RedocDocsView(SpectacularRedocView):
    template_name = "claims/api/redoc.html"


def redoc_docs_view(**initkwargs: object) -> Callable:
    """The Redoc page, with the two allowances Redoc needs (see the module docstring)."""
    return csp_update({"style-src": [UNSAFE_INLINE], "worker-src": ["blob:"]})(
        RedocDocsView.as_view(**initkwargs)
    )
