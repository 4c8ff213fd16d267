"""Who may do what: reading is open (unless a setting requires login), writing needs the
model permission (``claims.add_article`` to post an article, ``claims.change_statement`` to
review a statement…)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions

if TYPE_CHECKING:  # importing views here would be circular: DRF loads this from its settings
    from rest_framework.request import Request
    from rest_framework.views import APIView


class ReadOpenWriteWithModelPermission(DjangoModelPermissions):
    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return bool(
                not settings.CLAIMTRACKER_API_REQUIRE_LOGIN
                or (request.user and request.user.is_authenticated)
            )
        return super().has_permission(request, view)
