"""Issue 9, medium: the staff login resists guessing (django-axes) and has a second factor."""

import ipaddress
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.audit.models import Action, AuditEntry
from portal.models import Membership
from tests.factories import login_verified

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-rat-dai-123"
LOCKED = "Đăng nhập bị tạm khóa"


def log_in(client, username, password=PASSWORD, code="", address="10.1.2.3"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "otp_token": code},
        REMOTE_ADDR=address,
    )


def fail(client, username, times=5, address="10.1.2.3"):
    for _ in range(times):
        log_in(client, username, "sai-mat-khau", address=address)


def code_of(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(
    client, staff_user
):
    """The guesser's sixth try, the right password, is refused with a 429."""
    fail(client, "bientap")
    response = log_in(client, "bientap", address="10.9.9.9")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_does_not_tell_whether_the_account_exists(
    client, staff_user
):
    """A made-up name gets the very same page as a real one."""
    fail(client, "bientap", address="10.0.0.1")
    fail(client, "khong-ton-tai", address="10.0.0.2")
    real = log_in(client, "bientap", address="10.0.0.1").content.decode()
    made_up = log_in(client, "khong-ton-tai", address="10.0.0.2").content.decode()
    assert real.replace("bientap", "") == made_up.replace("khong-ton-tai", "")


def test_one_address_trying_many_names_is_locked(client, staff_user):
    """Per address: five names tried from one address lock that address."""
    for n in range(5):
        log_in(client, f"ten-{n}", "sai", address="10.7.7.7")
    assert log_in(client, "bientap", address="10.7.7.7").status_code == 429
    assert log_in(client, "bientap", address="10.8.8.8").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, staff_user):
    """Fifteen minutes later the right password works again."""
    fail(client, "bientap")
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert log_in(client, "bientap").status_code == 302


def test_a_lockout_is_written_to_the_audit_log(client, staff_user):
    """Who was locked out (by the typed name), never the address."""
    fail(client, "bientap")
    entry = AuditEntry.objects.filter(action=Action.LOCKED_OUT).first()
    assert entry is not None and entry.username == "bientap"
    assert "10.1.2.3" not in entry.summary and len(entry.address_hash) == 64


def test_axes_stores_a_pseudonym_instead_of_the_address(client, staff_user):
    """No raw address and no User-Agent in axes' table."""
    fail(client, "bientap", times=2)
    attempt = AccessAttempt.objects.get()
    assert attempt.ip_address != "10.1.2.3"
    assert ipaddress.ip_address(attempt.ip_address) in ipaddress.ip_network(
        "2001:db8::/32"
    )
    assert attempt.user_agent == ""
    assert "sai-mat-khau" not in attempt.post_data


def test_a_superuser_unlocks_from_the_admin(client, admin_client, staff_user):
    """Deleting the attempt in the admin lets the user in at once."""
    fail(client, "bientap")
    attempt = AccessAttempt.objects.get(username="bientap")
    page = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert "bientap" in page.content.decode()
    admin_client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    client.logout()
    assert log_in(client, "bientap").status_code == 302


def test_a_superuser_without_a_second_factor_must_set_one_up(client, admin_user):
    """Logged in by password, every admin page sends them to the set-up page."""
    admin_user.set_password(PASSWORD)
    admin_user.save()
    assert log_in(client, "admin").status_code == 302
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:two_factor")
    setup = client.get(reverse("admin:two_factor")).content.decode()
    assert "<svg" in setup and "Quét mã này" in setup


def test_setting_up_the_app_gives_recovery_codes_and_opens_the_admin(
    client, admin_user
):
    """The app's code confirms the device; ten recovery codes are shown once."""
    client.force_login(admin_user)
    client.get(reverse("admin:two_factor"))
    device = TOTPDevice.objects.get(user=admin_user)
    response = client.post(
        reverse("admin:two_factor"), {"action": "confirm", "token": code_of(device)}
    )
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_set_up_code_is_refused(client, admin_user):
    client.force_login(admin_user)
    client.get(reverse("admin:two_factor"))
    response = client.post(
        reverse("admin:two_factor"), {"action": "confirm", "token": "000000"}
    )
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=admin_user, confirmed=True).exists()


def test_with_a_device_the_password_alone_is_not_enough(client, staff_user):
    """An editor who turned it on must type the app's code."""
    TOTPDevice.objects.create(user=staff_user, name="app")
    response = log_in(client, "bientap")
    assert response.status_code == 200
    assert "Hãy nhập mã hiện tại" in response.content.decode()
    device = TOTPDevice.objects.get(user=staff_user)
    assert log_in(client, "bientap", code=code_of(device)).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_recovery_code_works_once(client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="app")
    StaticDevice.objects.create(user=staff_user, name="recovery").token_set.create(
        token="abcd2345"
    )
    assert log_in(client, "bientap", code="abcd2345").status_code == 302
    client.logout()
    assert log_in(client, "bientap", code="abcd2345").status_code == 200


def test_a_session_without_the_code_does_not_open_the_admin(client, staff_user):
    """A user with a device, logged in some other way, is sent to the login."""
    TOTPDevice.objects.create(user=staff_user, name="app")
    client.force_login(staff_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_unit_administrators_of_this_unit_must_use_it(client, staff_user, site):
    """The unit_admin role on the request's unit makes it required."""
    Membership.objects.filter(user=staff_user).update(role="unit_admin")
    client.force_login(staff_user)
    assert client.get(reverse("admin:index"))["Location"] == reverse("admin:two_factor")


def test_editors_are_offered_it(client, staff_user):
    """Not required for an editor: the admin opens, with a link to turn it on."""
    client.force_login(staff_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:two_factor") in response.content.decode()


def test_reset_two_factor_removes_a_lost_phone(admin_user):
    """The documented command; written to the audit log."""
    login_verified(__import__("django.test").test.Client(), admin_user)
    call_command("reset_two_factor", "admin")
    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    assert AuditEntry.objects.filter(action=Action.USERS, object_repr="admin").exists()


def test_after_login_staff_land_on_the_admin(client, staff_user):
    """No more /accounts/profile/ 404 after a login without `next`."""
    response = client.post(
        reverse("admin:login"), {"username": "bientap", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
