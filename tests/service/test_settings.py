"""Operators' environment variables: every number is read by one parser, and every mistake is one line that
names the variable, the range and what was set."""

from __future__ import annotations

import pytest

from hallbuilder.errors import ServiceError
from hallbuilder.service.config import from_environment

LIMITS = [
    "HALLBUILDER_COMMENT_LIMIT",
    "HALLBUILDER_HALL_COMMENT_LIMIT",
    "HALLBUILDER_MESSAGE_LIMIT",
    "HALLBUILDER_LOGIN_LIMIT",
    "HALLBUILDER_NEW_VISITOR_LIMIT",
]


@pytest.mark.parametrize("name", LIMITS)
@pytest.mark.parametrize("value", ["five", "0", "-3", "2.5", "٣", "²", "1000001"])
def test_a_bad_limit_is_one_line_with_the_range(name, value):
    with pytest.raises(ServiceError) as error:
        from_environment({name: value})
    assert error.value.message == f"{name}: expected a whole number from 1 to 1000000, got {value!r}"


@pytest.mark.parametrize("name", LIMITS)
def test_thousands_of_digits_are_refused_with_the_same_line_not_a_traceback(name):
    # int() refuses more than 4300 digits with a ValueError that escaped as a traceback
    with pytest.raises(ServiceError) as error:
        from_environment({name: "9" * 5000})
    assert error.value.message == (f"{name}: expected a whole number from 1 to 1000000, got '{'9' * 40}…'")


def test_limits_are_read_within_the_range():
    settings = from_environment({name: " 1000000 " for name in LIMITS} | {"HALLBUILDER_MESSAGE_LIMIT": "1"})
    assert settings.limits.comments_per_hour == 1_000_000
    assert settings.limits.new_visitors_per_address_per_hour == 1_000_000
    assert settings.limits.messages_per_hour == 1


@pytest.mark.parametrize("value", ["0", "169", "8h", "99999999999999999999"])
def test_session_idle_hours_run_from_1_to_a_week(value):
    with pytest.raises(ServiceError) as error:
        from_environment({"HALLBUILDER_SESSION_IDLE_HOURS": value})
    assert error.value.message == (
        f"HALLBUILDER_SESSION_IDLE_HOURS: expected a whole number of hours from 1 to 168, got {value!r}"
    )
    assert from_environment({"HALLBUILDER_SESSION_IDLE_HOURS": "168"}).session_idle_hours == 168
