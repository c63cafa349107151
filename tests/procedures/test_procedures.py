"""Administrative procedures: list by area, accent-insensitive search, https links."""

from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from portal.models import Membership
from procedures.models import Procedure
from tests.documents.conftest import A_HOST, B_HOST
from tests.factories import make_procedure, make_staff, make_unit
from tests.reading import page

pytestmark = pytest.mark.django_db
LIST = "procedures:list"


def names(client, host="testserver", **params):
    response = client.get(reverse(LIST), params, HTTP_HOST=host)
    assert response.status_code == 200
    return [procedure.name for procedure in response.context["page"]]


@pytest.fixture
def procedures(site):
    make_unit()
    return [
        make_procedure(name="Đăng ký khai sinh", code="1.001193"),
        make_procedure(
            name="Chứng thực chữ ký", code="2.000884", field_name="Chứng thực"
        ),
        make_procedure(name="Đăng ký kết hôn", code="1.000894"),
    ]


def test_the_list_groups_by_area(client, procedures):
    """Areas in their order (here by name: Chứng thực, Hộ tịch), then procedures."""
    listed = names(client)
    assert listed[0] == "Chứng thực chữ ký"
    assert set(listed[1:]) == {"Đăng ký kết hôn", "Đăng ký khai sinh"}


def test_the_list_filters_by_area(client, procedures):
    assert names(client, **{"linh-vuc": "chung-thuc"}) == ["Chứng thực chữ ký"]


@pytest.mark.parametrize(
    "query", ["khai sinh", "KHAI SINH", "khai sinh dang ky", "1.001193"]
)
def test_search_is_accent_insensitive_and_finds_codes(client, procedures, query):
    assert names(client, q=query) == ["Đăng ký khai sinh"]


def test_the_detail_page_shows_papers_and_links_to_the_national_portal(
    client, procedures
):
    procedure = procedures[0]
    html = client.get(procedure.get_absolute_url()).content.decode()
    assert "<li>Tờ khai theo mẫu</li>" in html
    assert f'href="{procedure.service_url}"' in html
    assert "Nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia" in html


@pytest.mark.parametrize(
    "url",
    [
        "http://dichvucong.gov.vn/x",
        "javascript:alert(1)",
        "ftp://dichvucong.gov.vn",
        "https://",
    ],
)
def test_the_link_must_be_https(site, url):
    procedure = make_procedure(status="draft")
    procedure.service_url = url
    with pytest.raises(ValidationError) as error:
        procedure.full_clean()
    assert "Đường dẫn phải là địa chỉ https://" in str(error.value)


def test_required_papers_are_sanitized(site):
    procedure = make_procedure(
        required_papers='<ul><li onclick="x()">Tờ khai</li></ul><script>1</script>'
    )
    assert (
        "onclick" not in procedure.required_papers
        and "script" not in procedure.required_papers
    )


def test_drafts_and_other_units_are_hidden(client, two_sites):
    site, other = two_sites
    make_procedure(site=site, name="Đăng ký khai sinh")
    make_procedure(site=site, name="Thủ tục nháp", status="draft")
    make_procedure(site=other, name="Thủ tục xã khác")
    assert names(client, host=A_HOST) == ["Đăng ký khai sinh"]
    assert names(client, host=B_HOST) == ["Thủ tục xã khác"]


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_costs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    make_unit()
    for n in range(count):
        make_procedure(field_name=f"Lĩnh vực {n % 4}")
    client.get(reverse(LIST))
    with django_assert_max_num_queries(10):
        assert client.get(reverse(LIST), {"q": "khai sinh"}).status_code == 200


def test_csv_import_dry_run_then_apply(tmp_path, site, django_user_model):
    make_staff("lanhdao", site, role=Membership.Role.APPROVER)
    path = tmp_path / "thu-tuc.csv"
    path.write_text(
        "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Thời hạn giải quyết,Phí lệ phí,"
        "Thành phần hồ sơ,Đường dẫn Cổng Dịch vụ công\n"
        '1.001193,Đăng ký khai sinh,Hộ tịch,Cấp xã,Trong ngày,,"Tờ khai\nGiấy chứng sinh",'
        "https://dichvucong.gov.vn/p/1.001193\n"
        "1.000894,Đăng ký kết hôn,Hộ tịch,Cấp xã,Trong ngày,,,http://khong-an-toan.vn\n",
        encoding="utf-8",
    )
    out = StringIO()
    with pytest.raises(Exception, match="Một số dòng có lỗi"):
        call_command("import_procedures", str(path), "--user", "lanhdao", stdout=out)
    assert "Dòng 3: Đường dẫn phải là địa chỉ https://" in out.getvalue()
    assert not Procedure.objects.exists()
    path.write_text(
        path.read_text(encoding="utf-8").replace("http://khong-an-toan.vn", ""),
        encoding="utf-8",
    )
    call_command(
        "import_procedures",
        str(path),
        "--user",
        "lanhdao",
        "--apply",
        "--publish",
        stdout=out,
    )
    procedure = Procedure.objects.get(code="1.001193")
    assert procedure.live and procedure.fees == "Không"
    assert (
        procedure.required_papers == "<ul><li>Tờ khai</li><li>Giấy chứng sinh</li></ul>"
    )


def test_the_pages_of_the_list_follow_one_another(client, site):
    make_unit()
    for n in range(35):
        make_procedure(name=f"Thủ tục số {n:02}", code=f"1.{n:06}")
    first = client.get(reverse(LIST))
    href = page(first).find("a", rel="next").attrs["href"]
    assert href == "?page=2"
    second = client.get(reverse(LIST) + href)
    assert len(second.context["page"]) == 5
    assert page(second).find("a", rel="prev").attrs["href"] == "?page=1"
