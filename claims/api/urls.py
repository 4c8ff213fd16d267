"""API routes: the resources under one router, the OpenAPI schema and its Swagger UI."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from claims.api import views

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("stances", views.StanceViewSet, basename="stance")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include(router.urls)),
]
