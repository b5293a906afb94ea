"""Property-based tests of the API against its own OpenAPI schema, with schemathesis.

Every operation is called with generated parameters, valid and invalid, through the WSGI app:
no response may be a server error or break the schema (status codes, content types, bodies).
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from campaigns.units import units
from socialgood.wsgi import application
from tests import factories

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)

EXAMPLES_PER_OPERATION = 25
"""Kept small so the whole run takes seconds, not minutes."""


@pytest.fixture
def keep_the_test_connection():
    """Keep the WSGI app from closing the test's database connection after each request.

    Django's own test client does the same; called through the WSGI app, a request's end
    would close the connection (and with it the test's transaction) on PostgreSQL.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def a_published_and_a_draft_case(db, keep_the_test_connection):
    """A little published and draft content, so lookups by real slugs find something."""
    factories.FigureFactory(key="a", campaign=factories.CampaignFactory(slug="a", tags=["a"]))
    factories.FigureFactory(key="b", campaign=factories.CampaignFactory(slug="b", status="draft"))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_every_generated_request_within_its_schema(
    case, a_published_and_a_draft_case
):
    # A cursor is opaque and signed: any text the schema allows is a valid request, but only
    # the cursors the API gave find a page; the others are refused (422), as they must be.
    # So is a unit: any code the schema's pattern allows may be asked for, but only the units
    # the table holds (curators add them, /api/units lists them) are accepted; the others are
    # refused (422) naming the units. Every other check still runs on those requests.
    query = case.query or {}
    unknown_unit = "unit" in query and str(query["unit"]) not in units()
    excluded = [positive_data_acceptance] if query.get("cursor") or unknown_unit else []
    case.call_and_validate(excluded_checks=excluded)
