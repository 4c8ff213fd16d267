"""Anonymous throttling: one budget per client across every endpoint, a 429 that says when
to come back, and no escape by forging X-Forwarded-For (DRF's default, NUM_PROXIES None,
took the whole header as the client's identity: a new value per request was a new client)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from tests.api.conftest import Claims

ENDPOINTS = ["/api/statements/", "/api/speakers/", "/api/topics/sanctions/", "/api/stances/"]


@pytest.fixture(autouse=True)
def three_a_minute(monkeypatch) -> None:
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/minute", raising=False)


def test_one_budget_across_endpoints_then_429_with_retry_after(claims: Claims) -> None:
    api = APIClient()

    statuses = [api.get(path).status_code for path in ENDPOINTS]
    refused = api.get("/api/articles/")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"].lower()


def test_forged_forwarded_for_headers_do_not_reset_the_budget(claims: Claims) -> None:
    api = APIClient()

    statuses = [
        api.get("/api/topics/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(6)
    ]

    assert statuses == [200, 200, 200, 429, 429, 429]


def test_each_client_address_has_its_own_budget(claims: Claims) -> None:
    first, second = APIClient(REMOTE_ADDR="198.51.100.1"), APIClient(REMOTE_ADDR="198.51.100.2")

    assert [first.get("/api/topics/").status_code for _ in range(4)] == [200, 200, 200, 429]
    assert second.get("/api/topics/").status_code == 200


def test_behind_one_proxy_the_address_it_appends_tells_clients_apart(
    claims: Claims, settings
) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = APIClient(REMOTE_ADDR="10.0.0.1")  # every request arrives from the proxy

    def get(client_address: str, forged: str = "") -> int:
        header = f"{forged}, {client_address}" if forged else client_address
        return proxy.get("/api/topics/", HTTP_X_FORWARDED_FOR=header).status_code

    first = [get("198.51.100.1", forged=f"203.0.113.{n}") for n in range(4)]
    second = get("198.51.100.2")

    assert first == [200, 200, 200, 429]  # forged entries before the proxy's are ignored
    assert second == 200
