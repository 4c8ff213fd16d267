"""The review queue: pending statements, newest first, each approved or rejected in one click.

Each statement is shown in its paragraph with the stances inferred from it, so a reviewer
sees what a decision changes. Decisions go through ``claims.services.review`` like every
other review, so a rejection retracts the stances resting only on it.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims.admin.display import highlighted_in_paragraph
from claims.models import ReviewStatus, Stance, Statement
from claims.services.review import RowReplacedError, review_statement

PER_PAGE = 20
DECISIONS = {"approve": ReviewStatus.APPROVED, "reject": ReviewStatus.REJECTED}


@require_http_methods(["GET", "POST"])
def review_queue(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("claims.view_statement"):
        raise PermissionDenied
    if request.method == "POST":
        return _decide(request)
    pending = (
        Statement.objects.filter(review_status=ReviewStatus.PENDING)
        .select_related("speaker", "article")
        .prefetch_related(
            Prefetch("stances", queryset=Stance.objects.select_related("speaker", "topic"))
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(pending, PER_PAGE).get_page(request.GET.get("page"))
    items = [{"statement": s, "in_context": highlighted_in_paragraph(s)} for s in page]
    context = {
        **admin.site.each_context(request),
        "title": "Review queue",
        "subtitle": None,
        "page": page,
        "items": items,
        "can_decide": request.user.has_perm("claims.change_statement"),
    }
    return TemplateResponse(request, "admin/claims/review_queue.html", context)


def _decide(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("claims.change_statement"):
        raise PermissionDenied
    status = DECISIONS.get(request.POST.get("decision", ""))
    raw_id = request.POST.get("statement", "").strip()
    if not (raw_id.isascii() and raw_id.isdigit()):
        raise Http404("No such statement.")
    statement = get_object_or_404(Statement, pk=int(raw_id))
    back = reverse("claims_admin:review_queue")
    if page := request.POST.get("page", "").strip():
        back += f"?page={page}" if page.isascii() and page.isdigit() else ""
    if status is None:
        messages.error(request, "Choose approve or reject.")
        return HttpResponseRedirect(back)
    try:
        review_statement(statement=statement, reviewer=request.user, review_status=status)
    except RowReplacedError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(back)
    label = ReviewStatus(status).label.lower()
    message = f"Statement {statement.pk} {label}."
    retracted = Stance.objects.filter(evidence=statement).exclude(status_before_retraction="")
    if status == ReviewStatus.REJECTED and (count := retracted.count()):
        message += f" {count} stance{'s' if count != 1 else ''} resting only on it retracted."
    messages.success(request, message)
    return HttpResponseRedirect(back)
