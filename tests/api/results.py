"""Reading list responses in assertions."""

from __future__ import annotations

from rest_framework.response import Response


def result_ids(response: Response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}
