from django.test import RequestFactory, override_settings

from portal.client import client_address, salted_hash


def request(**meta):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **meta)


def test_without_a_proxy_setting_forged_headers_are_ignored():
    assert client_address(request(HTTP_X_FORWARDED_FOR="203.0.113.9")) == "10.0.0.1"


@override_settings(CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR")
def test_behind_a_proxy_the_entry_it_appended_is_used():
    # The client wrote the first entry itself; the proxy appended the real one.
    forged = request(HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    assert client_address(forged) == "198.51.100.7"
    assert client_address(request()) == "10.0.0.1"


def test_salted_hash_needs_the_salt_to_be_reproduced(settings):
    settings.VISITOR_HASH_SALT = "muoi-mot"
    first = salted_hash("203.0.113.9")
    assert first == salted_hash("203.0.113.9") and len(first) == 64
    assert "203.0.113.9" not in first
    assert first != salted_hash("203.0.113.8")
    settings.VISITOR_HASH_SALT = "muoi-hai"
    assert first != salted_hash("203.0.113.9")
