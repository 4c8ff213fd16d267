"""The API's filtered list endpoints, read off the router so a new resource is covered."""

from __future__ import annotations

from django_filters import FilterSet

from claims.api.urls import router

FILTERED_LISTS: dict[str, type[FilterSet]] = {
    f"/api/{prefix}/": viewset.filterset_class for prefix, viewset, _ in router.registry
}
