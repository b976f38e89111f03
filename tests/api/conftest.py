"""Fixtures for the API tests: an anonymous client and users registered through the API."""

import pytest

from tests.support.api import Api, ApiUser, register_user


@pytest.fixture
def api(twin) -> Api:
    """A client that sends no token."""
    return Api(twin.base_url)


@pytest.fixture
def user(twin) -> ApiUser:
    """A freshly registered user."""
    return register_user(twin.base_url)


@pytest.fixture
def other_user(twin) -> ApiUser:
    """A second registered user, for permission tests."""
    return register_user(twin.base_url)


@pytest.fixture(scope="session")
def api_reader(twin) -> ApiUser:
    """A user who writes nothing and follows no one, for tests that only read or are refused."""
    return register_user(twin.base_url)


@pytest.fixture(scope="session")
def refused(twin) -> ApiUser:
    """A user whose every write the tests expect refused: no articles, profile as registered."""
    return register_user(twin.base_url)
