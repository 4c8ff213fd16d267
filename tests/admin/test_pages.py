"""Every claims admin page opens for staff and stays closed to everyone else."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import reverse

from claims.models import Article, Claim, Speaker, Stance, Statement, Topic
from claims.services.claims import group_statements
from tests.factories import make_stance, make_statement, make_topic, make_user

pytestmark = pytest.mark.django_db

MODELS = [Article, Claim, Speaker, Statement, Stance, Topic]
# Articles and statements come from ingest only: their offsets and hashes must agree; claims
# from grouping statements.
ADDABLE = [Speaker, Stance, Topic]


@pytest.fixture
def rows() -> dict[type, object]:
    statement = make_statement(topics=(make_topic(),))
    stance = make_stance(evidence=(statement,), topic=statement.topics.get())
    group_statements(statements=[statement])
    return {
        Article: statement.article,
        Claim: Claim.objects.get(),
        Speaker: statement.speaker,
        Statement: statement,
        Stance: stance,
        Topic: stance.topic,
    }


def page_urls(model: type, obj: object) -> list[str]:
    name = f"admin:claims_{model._meta.model_name}"
    urls = [
        reverse(f"{name}_changelist"),
        reverse(f"{name}_change", args=[obj.pk]),
        reverse(f"{name}_history", args=[obj.pk]),
    ]
    if model in ADDABLE:
        urls.append(reverse(f"{name}_add"))
    return urls


def test_every_claims_model_has_an_admin():
    registered = {model for model in admin.site._registry if model._meta.app_label == "claims"}
    assert registered == set(MODELS)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_pages_render_for_staff(client, rows, model):
    client.force_login(make_user())
    for url in page_urls(model, rows[model]):
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", [Article, Claim, Statement], ids=lambda m: m.__name__)
def test_rows_made_by_ingest_cannot_be_added_by_hand(client, model):
    client.force_login(make_user())
    assert client.get(reverse(f"admin:claims_{model._meta.model_name}_add")).status_code == 403


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_pages_send_others_to_the_login(client, rows, model, who):
    if who == "not staff":
        client.force_login(make_user(staff=False, superuser=False))
    for url in page_urls(model, rows[model]):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("admin:login")), url
