"""Staff keep the organisation in the admin of their own unit."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from organisation.models import Department, Official
from portal.models import Membership
from tests.factories import (
    image_upload,
    login_verified,
    make_department,
    make_official,
    make_position,
    make_site,
)

pytestmark = pytest.mark.django_db

ADD_OFFICIAL = reverse("admin:organisation_official_add")


def official_form(department, position, **overrides):
    data = {
        "name": "Lê Thị Hoa",
        "position": position.pk,
        "department": department.pk,
        "order": 0,
        "phone": "0208.3855.123",
        "email": "vanphong.tanlap@example.vn",
        "is_contact_officer": "on",
    }
    data.update(overrides)
    return data


def test_editor_adds_an_official_with_a_photo_and_a_typed_phone(
    client, org_editor, site
):
    department, position = make_department(), make_position()
    login_verified(client, org_editor)
    response = client.post(
        ADD_OFFICIAL,
        official_form(
            department, position, photo=image_upload("hoa.jpg", (800, 1000), "JPEG")
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    official = Official.objects.get()
    assert official.site == site
    assert official.phone == "+842083855123"
    assert Path(official.photo_small.path).exists()
    html = client.get(reverse("organisation:page")).content.decode()
    assert official.photo_small.url in html
    assert '<a href="tel:+842083855123">0208 3855 123</a>' in html


def test_a_file_that_is_not_an_image_is_refused_and_nothing_saved(
    client, org_editor, site
):
    login_verified(client, org_editor)
    fake = SimpleUploadedFile("anh.jpg", b"<script>alert(1)</script>", "image/jpeg")
    response = client.post(
        ADD_OFFICIAL, official_form(make_department(), make_position(), photo=fake)
    )
    assert response.status_code == 200
    assert (
        "Tệp này không phải là ảnh hợp lệ hoặc đã bị hỏng." in response.content.decode()
    )
    assert not Official.objects.exists()


def test_a_wrong_phone_number_is_explained_and_the_form_kept(client, org_editor, site):
    login_verified(client, org_editor)
    response = client.post(
        ADD_OFFICIAL, official_form(make_department(), make_position(), phone="12ab")
    )
    html = response.content.decode()
    assert "Số điện thoại không hợp lệ." in html
    assert 'value="Lê Thị Hoa"' in html
    assert not Official.objects.exists()


def test_staff_reorder_departments_in_the_list(client, org_editor, site):
    first = make_department(name="Văn phòng HĐND-UBND", position=1)
    second = make_department(name="Công an phường", position=2)
    login_verified(client, org_editor)
    response = client.post(
        reverse("admin:organisation_department_changelist"),
        {
            "form-TOTAL_FORMS": 2,
            "form-INITIAL_FORMS": 2,
            "form-0-id": first.pk,
            "form-0-position": 5,
            "form-1-id": second.pk,
            "form-1-position": 2,
            "_save": "Lưu",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("organisation:page")).content.decode()
    assert html.index("Công an phường") < html.index("Văn phòng HĐND-UBND")


def test_a_department_cannot_be_its_own_ancestor(client, org_editor, site):
    top = make_department(name="Ủy ban nhân dân phường")
    below = make_department(name="Văn phòng HĐND-UBND", parent=top)
    login_verified(client, org_editor)
    response = client.post(
        reverse("admin:organisation_department_change", args=[top.pk]),
        {"name": top.name, "parent": below.pk, "position": 1},
    )
    assert "Một phòng ban không thể trực thuộc chính nó." in response.content.decode()
    top.refresh_from_db()
    assert top.parent is None


def test_the_chart_has_at_most_three_levels(client, org_editor, site):
    one = make_department()
    two = make_department(parent=one)
    three = make_department(parent=two)
    login_verified(client, org_editor)
    response = client.post(
        reverse("admin:organisation_department_add"),
        {"name": "Tổ công tác", "parent": three.pk, "position": 1},
    )
    assert "tối đa 3 cấp" in response.content.decode()
    assert not Department.objects.filter(name="Tổ công tác").exists()


def test_each_unit_sees_and_picks_only_its_own_rows(org_editor, site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    Membership.objects.create(site=other, user=org_editor)
    mine = make_official(name="Cán Bộ Tân Lập")
    theirs = make_official(make_department(site=other), name="Cán Bộ Vĩnh Tế")
    client = Client(HTTP_HOST="tanlap.example.test")
    login_verified(client, org_editor)
    listing = client.get(reverse("admin:organisation_official_changelist"))
    html = listing.content.decode()
    assert mine.name in html and theirs.name not in html
    form = client.get(ADD_OFFICIAL).context["adminform"].form
    assert set(form.fields["department"].queryset) == {mine.department}
    assert set(form.fields["position"].queryset) == {mine.position}
    response = client.get(
        reverse("admin:organisation_official_change", args=[theirs.pk])
    )
    assert response.status_code == 302  # "does not exist" → back to the list
