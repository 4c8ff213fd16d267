"""Admin pages beyond the model admins: the review queue and a speaker's positions chart.

Mounted at ``/admin/claims/`` (before the admin site's own URLs); every view is wrapped in
``admin_view``, so it needs a logged-in staff user like the rest of the admin.
"""

from django.contrib import admin
from django.urls import path

from claims.admin.chart import speaker_positions
from claims.admin.queue import review_queue

app_name = "claims_admin"

urlpatterns = [
    path("review-queue/", admin.site.admin_view(review_queue), name="review_queue"),
    path(
        "speaker/<int:pk>/positions/",
        admin.site.admin_view(speaker_positions),
        name="speaker_positions",
    ),
]
