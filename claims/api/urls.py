"""API routes: the resources under one router, the OpenAPI schema, Swagger UI and Redoc.

Swagger UI and Redoc are served from ``drf-spectacular-sidecar``'s static files, so the docs
work without internet access.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import APIRootView, DefaultRouter

from claims.api import exception_handlers, views
from claims.api.docs import SwaggerDocsView, redoc_docs_view


class ClaimtrackerAPIRoot(APIRootView):
    """Statements, speakers, topics and stances extracted from news articles.

    Every list below pages with `page` and `page_size` (at most 100), or with `cursor` (empty
    for the first page, then follow `next`) to read deep into it. The OpenAPI schema is
    at `/api/schema/`, its documentation at `/api/docs/` (Swagger UI) and `/api/redoc/`.
    """

    name = "Claimtracker API"


class ClaimtrackerRouter(DefaultRouter):
    APIRootView = ClaimtrackerAPIRoot


router = ClaimtrackerRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("stances", views.StanceViewSet, basename="stance")
router.register("claims", views.ClaimViewSet, basename="claim")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SwaggerDocsView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", redoc_docs_view(url_name="schema"), name="redoc"),
    path("", include(router.urls)),
    re_path(r"", exception_handlers.not_found),  # last: what no route above matches
]
