"""Root URL configuration: the review admin (with its review queue and charts) and the API."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/claims/", include("claims.admin.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
]
