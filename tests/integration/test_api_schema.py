"""schemathesis against the served OpenAPI schema: no 5xx, responses match their documented schemas.

A bounded run (a few examples per operation) over real HTTP against the invented graph of test_api_http.
For a deeper run against a live API: `schemathesis run http://127.0.0.1:8000/openapi.json
--experimental=openapi-3.1 --checks all -H "X-API-Key: $CKG_API_KEY" --hypothesis-max-examples 100`.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import ALL_CHECKS
from test_api_http import API_KEY, api_url  # noqa: F401 (the fixture behind `api_schema`)

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

schemathesis.experimental.OPEN_API_3_1.enable()


@pytest.fixture(scope="module")
def api_schema(api_url: str) -> schemathesis.BaseSchema:  # noqa: F811
    """The OpenAPI schema as the running API serves it."""
    return schemathesis.from_uri(f"{api_url}/openapi.json", base_url=api_url)


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_every_operation_conforms_to_its_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"X-API-Key": API_KEY}, checks=ALL_CHECKS, timeout=30)
