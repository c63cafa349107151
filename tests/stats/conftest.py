import os

import pytest
import redis
from django.test import Client, override_settings

from stats import redis_backend
from tests.factories import FIREFOX, IPHONE


@pytest.fixture
def browser():
    """A citizen's desktop browser (keeps cookies)."""
    return Client(HTTP_USER_AGENT=FIREFOX)


@pytest.fixture
def phone():
    return Client(HTTP_USER_AGENT=IPHONE)


# Its own database; TEST_REDIS_URL lets parallel runs differ, and each xdist
# worker keeps to its own key prefix there.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
PREFIX = f"stats-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}:"


def redis_or_skip():
    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5)
        client.ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    return client


def forget_keys(client):
    for key in client.scan_iter(PREFIX + "*"):
        client.delete(key)


@pytest.fixture
def redis_backend_on(db, monkeypatch):
    """Counting in Redis, under this worker's key prefix, emptied around the test."""
    client = redis_or_skip()
    monkeypatch.setattr(redis_backend, "PREFIX", PREFIX)
    monkeypatch.setattr(redis_backend, "DIRTY", PREFIX + "dirty")
    forget_keys(client)
    with override_settings(STATS_BACKEND="redis", STATS_REDIS_URL=REDIS_URL):
        yield client
    forget_keys(client)
