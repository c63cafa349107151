"""The organisation and contacts page, in Vietnamese and in English."""

import pytest
from django.test import Client
from django.urls import reverse

from organisation.models import OrganisationProfile
from tests.factories import make_department, make_official, make_site
from tests.organisation.conftest import chart_tree

pytestmark = pytest.mark.django_db


def page(client, english=False):
    url = reverse("organisation:page_en" if english else "organisation:page")
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_chart_is_nested_lists_of_departments_and_their_people(
    client, organisation
):
    """Readable by a screen reader: headings and people inside nested <ul>/<li>."""
    assert chart_tree(page(client)) == [
        (
            "h3",
            "Ủy ban nhân dân phường",
            ["Dương Anh Tuấn"],
            [
                ("h4", "Văn phòng HĐND-UBND", ["Lê Thị Hoa"], []),
                ("h4", "Công an phường", ["Hoàng Văn Nam"], []),
            ],
        )
    ]


def test_departments_and_officials_follow_the_order_staff_set(client, organisation):
    organisation["police"].position = 0
    organisation["police"].save()
    (committee,) = chart_tree(page(client))
    assert [sub[1] for sub in committee[3]] == [
        "Công an phường",
        "Văn phòng HĐND-UBND",
    ]


def test_contact_cards_link_phones_and_e_mail(client, organisation):
    html = page(client)
    assert '<a href="tel:+84914266628">0914 266 628</a>' in html
    assert '<a href="tel:+842083855123">0208 3855 123</a>' in html
    assert (
        '<a href="mailto:vanphong.tanlap@example.vn">vanphong.tanlap@example.vn</a>'
        in html
    )


def test_the_spokesperson_and_contact_officers_are_listed_first(client, organisation):
    html = page(client)
    section = html[
        html.index('id="contact-officers-heading"') : html.index('id="chart-heading"')
    ]
    assert section.index("Dương Anh Tuấn") < section.index("Lê Thị Hoa")
    assert "Người phát ngôn" in section and "Cán bộ đầu mối" in section
    assert "Hoàng Văn Nam" not in section


def test_the_unit_contact_block_has_address_phone_fax_and_e_mail(client, organisation):
    OrganisationProfile.objects.create(
        site=organisation["committee"].site, fax="0208.3855.999"
    )
    html = page(client)
    block = html[html.index('id="unit-contact-heading"') :].split("</section>")[0]
    assert "511 Ba Tháng Hai" in block
    assert '<a href="tel:+84914266628">0914 266 628</a>' in block
    assert "<dt>Fax</dt>" in block and "0208 3855 999" in block
    assert 'href="mailto:datuan.tnmt@gmail.com"' in block


def test_the_english_page_uses_english_names_and_labels(client, organisation):
    OrganisationProfile.objects.create(
        site=organisation["committee"].site,
        name_en="People's Committee of Tan Lap Ward",
        address_en="511 Ba Thang Hai Street, Tan Lap Ward, Thai Nguyen City",
    )
    html = page(client, english=True)
    assert '<html lang="en">' in html
    assert '<h1 class="page-title">Organisation and contacts</h1>' in html
    assert "Ward People&#x27;s Committee" in html
    assert "Chairman of the Ward People&#x27;s Committee" in html
    assert "People&#x27;s Committee of Tan Lap Ward" in html
    block = html[html.index('id="unit-contact-heading"') :].split("</section>")[0]
    assert "<dt>Address</dt><dd>511 Ba Thang Hai Street" in " ".join(
        block.split()
    ).replace("> <", "><")
    assert "<dt>Phone</dt>" in block and "<dt>E-mail</dt>" in block
    assert '<a href="tel:+84914266628">+84 914 266 628</a>' in html
    assert "Skip to main content" in html  # the page's UI strings too
    assert "Bỏ qua" not in html


def test_untranslated_names_fall_back_to_vietnamese_marked_as_such(
    client, organisation
):
    html = page(client, english=True)
    assert '<h4 class="org-unit__name" lang="vi">Công an phường</h4>' in html
    assert 'lang="vi">Công chức Văn phòng - Thống kê</p>' in html


def test_the_english_page_says_it_is_english(client, organisation):
    response = client.get(reverse("organisation:page_en"))
    assert response["Content-Language"] == "en"


def test_both_versions_name_each_other_with_hreflang(client, organisation):
    for english in (False, True):
        html = page(client, english)
        assert (
            '<link rel="alternate" hreflang="vi" href="http://testserver/to-chuc/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="en" '
            'href="http://testserver/en/organisation/">' in html
        )


def test_every_page_has_the_language_link(client, organisation):
    home = client.get(reverse("home")).content.decode()
    assert (
        '<a class="language-link" href="/en/organisation/" hreflang="en" '
        'lang="en">English</a>' in home
    )
    english = page(client, english=True)
    assert (
        '<a class="language-link" href="/to-chuc/" hreflang="vi" '
        'lang="vi">Tiếng Việt</a>' in english
    )


def test_the_rest_of_the_site_stays_vietnamese(client, organisation):
    """Neither the English page nor an English browser turns other pages English."""
    page(client, english=True)
    english_browser = Client(HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    for response in (client.get("/"), english_browser.get("/")):
        html = response.content.decode()
        assert '<html lang="vi">' in html
        assert "Bỏ qua để đến nội dung chính" in html
    assert "Cơ cấu tổ chức và liên hệ" in page(english_browser)


def test_another_units_officials_are_not_shown(client, organisation):
    site = organisation["committee"].site
    site.domain = "testserver"
    site.save()
    other = make_site("vinhte.example.test")
    make_official(make_department(site=other), name="Người Xã Khác")
    assert "Người Xã Khác" not in page(client)
    other_client = Client(HTTP_HOST="vinhte.example.test")
    assert "Người Xã Khác" in page(other_client)
    assert "Dương Anh Tuấn" not in page(other_client)


def test_an_empty_organisation_says_so(client, site):
    assert "chưa công bố cơ cấu tổ chức" in page(client)


@pytest.mark.parametrize("english", [False, True])
@pytest.mark.parametrize("officials", [1, 40])
def test_the_page_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, english, officials
):
    departments = [make_department() for _ in range(4)]
    for n in range(officials):
        make_official(departments[n % 4], is_contact_officer=n % 3 == 0)
    page(client, english)
    with django_assert_max_num_queries(10):
        page(client, english)
