"""Schemathesis against the served OpenAPI spec: no server error, responses match the spec.

The spec does not depend on the database, so one app serves it; each test points that app's service
state at its own database of each backend.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hallbuilder.service.app import create_app
from hallbuilder.service.config import Limits
from hallbuilder.service.context import Service
from hallbuilder.service.store.db import Database

from .conftest import BROWSER_UA, make_settings, make_tour, register

not_a_server_error = schemathesis.checks.not_a_server_error
APP = create_app(make_settings("sqlite://"))
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", APP)


@pytest.fixture
def served(database_url):
    register(database_url, make_tour())
    limits = Limits(10_000, 10_000, 10_000, 10_000)
    state = Service(make_settings(database_url, limits=limits), Database(database_url))
    APP.extensions["hallbuilder"] = state
    yield
    state.close()


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_has_no_server_error_and_matches_its_spec(case, served):
    # Mostly aim at the hall and branch that exist, so the generated bodies reach the real work.
    if "hall" in (case.path_parameters or {}):
        case.path_parameters["hall"] = "demo-hall"
    if "branch" in (case.path_parameters or {}):
        case.path_parameters["branch"] = "north-branch"
    case.call_and_validate(
        headers={"User-Agent": BROWSER_UA},
        checks=[
            not_a_server_error,
            response_schema_conformance,
            content_type_conformance,
            status_code_conformance,
        ],
    )
