"""The `X-Query-Count` header a twin sends when started with `TWINS_COUNT_QUERIES=1`."""

import pytest


def query_count(twin, headers) -> int:
    """The statements a response reports; skips only for a server the suite did not start.

    The suite starts every twin with `TWINS_COUNT_QUERIES=1`, so a missing header there is a
    failure; a server given with --base-url may not count.
    """
    value = headers.get("X-Query-Count")
    if value is None:
        if twin.database_url is None:
            pytest.skip("the server does not count queries (TWINS_COUNT_QUERIES is off)")
        pytest.fail("the twin was started with TWINS_COUNT_QUERIES=1 but sent no X-Query-Count")
    return int(value)
