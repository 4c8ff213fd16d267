"""The intermediate page an admin action shows to ask one more question before it acts."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest
from django.template.response import TemplateResponse

CONFIRM = "apply"
SHOWN = 25  # how many of the selected rows the page lists by name


def is_confirmed(request: HttpRequest) -> bool:
    return CONFIRM in request.POST


def action_page(
    *,
    request: HttpRequest,
    model_admin: admin.ModelAdmin,
    queryset: QuerySet,
    form: forms.Form,
    action: str,
    title: str,
    button: str,
) -> TemplateResponse:
    """Render the question; the page posts back to the same action with the same selection."""
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "button": button,
        "form": form,
        "media": model_admin.media + form.media,
        "opts": opts,
        "action": action,
        "confirm": CONFIRM,
        "total": queryset.count(),
        "shown": queryset[:SHOWN],
        "select_across": request.POST.get("select_across") == "1",
        "selected_ids": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/claims/action_page.html", context)
