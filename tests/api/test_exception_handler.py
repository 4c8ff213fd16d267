"""The one exception handler: each domain exception a service raises has its status and message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError

from claims.api.exception_handlers import exception_handler
from claims.core.exceptions import ApplicationError, ArticleRejectedError, RowReplacedError


@pytest.mark.parametrize(
    ("error", "status", "body"),
    [
        (RowReplacedError("reload it"), 409, {"detail": "reload it"}),
        (ArticleRejectedError("no article text"), 422, {"non_field_errors": ["no article text"]}),
        (ApplicationError("not now"), 400, ["not now"]),
        (
            DjangoValidationError({"polarity": "'maybe' is not one of favor, against."}),
            400,
            {"polarity": ["'maybe' is not one of favor, against."]},
        ),
    ],
)
def test_each_domain_exception_gets_its_status_and_message(error, status, body):
    response = exception_handler(error, {})

    assert (response.status_code, response.data) == (status, body)


def test_a_conflict_says_it_is_a_replaced_row():
    response = exception_handler(RowReplacedError("reload it"), {})

    assert response.data["detail"].code == "replaced"


def test_an_unexpected_error_is_left_to_django_as_a_server_error():
    assert exception_handler(KeyError("bug"), {}) is None
