"""Production's static storage: the manifest's addresses, each looked up once."""

import json
from unittest import mock

import pytest

from portal.static_storage import StaticStorage


@pytest.fixture
def storage(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "portal.css").write_text("body{}")
    (tmp_path / "staticfiles.json").write_text(
        json.dumps(
            {
                "paths": {"css/portal.css": "css/portal.0123abcd.css"},
                "version": "1.1",
                "hash": "0123abcd",
            }
        )
    )
    return StaticStorage(location=tmp_path, base_url="/static/")


def test_an_address_is_the_manifests_and_is_looked_up_once(storage):
    with mock.patch.object(storage, "stored_name", wraps=storage.stored_name) as lookup:
        assert storage.url("css/portal.css") == "/static/css/portal.0123abcd.css"
        assert storage.url("css/portal.css") == "/static/css/portal.0123abcd.css"
    assert lookup.call_count == 1


def test_a_name_missing_from_the_manifest_fails_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("js/khong-co.js")
