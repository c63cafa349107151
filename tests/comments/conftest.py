import pytest
from captcha.models import CaptchaStore

from portal.models import Membership
from tests.factories import make_article, make_unit


def fresh_captcha():
    """A real captcha key and its stored answer (no test mode)."""
    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def comment_data(**overrides):
    key, answer = fresh_captcha()
    data = {
        "name": "Nguyễn Văn An",
        "phone": "0914.266.628",
        "title": "Đề nghị sửa đường liên xóm",
        "content": "Đường liên xóm 3 bị xuống cấp, đề nghị UBND xã sửa chữa.",
        "consent": "on",
        "captcha_0": key,
        "captcha_1": answer,
    }
    data.update(overrides)
    return data


def comment_url(article):
    return f"/tin-tuc/{article.slug}/binh-luan/"


def rate_url(article):
    return f"/tin-tuc/{article.slug}/danh-gia/"


@pytest.fixture
def article(site):
    make_unit()
    return make_article()


@pytest.fixture
def moderator(staff_user):
    """The default site's administrator, who moderates comments."""
    staff_user.memberships.update(role=Membership.Role.UNIT_ADMIN)
    return staff_user


A_HOST, B_HOST = "tanlap.example.test", "vinhte.example.test"


@pytest.fixture
def two_sites(site):
    """Site A (the default, Tân Lập) and site B (Vĩnh Tế), each with a unit."""
    from tests.factories import make_site

    site.domain = A_HOST
    site.save()
    other = make_site(B_HOST, "Xã Vĩnh Tế")
    make_unit(site=site, name="PHƯỜNG TÂN LẬP")
    make_unit(site=other, name="XÃ VĨNH TẾ")
    return site, other
