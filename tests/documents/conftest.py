import pytest
from django.contrib.auth.models import Permission

from documents import demo_files
from documents.models import DocumentAttachment
from portal.models import Membership
from tests.factories import make_document, make_site, make_unit, upload

A_HOST, B_HOST = "tanlap.example.test", "vinhte.example.test"
PDF = demo_files.pdf(["QUYET DINH 15/2024/QD-UBND"])


@pytest.fixture
def two_sites(site):
    """Site A (the default, Tân Lập) and site B (Vĩnh Tế), each with a unit."""
    site.domain = A_HOST
    site.save()
    other = make_site(B_HOST, "Xã Vĩnh Tế")
    make_unit(site=site, name="PHƯỜNG TÂN LẬP")
    make_unit(site=other, name="XÃ VĨNH TẾ")
    return site, other


def attach(document, name="Quyết định 15-2024-QĐ-UBND.pdf", data=PDF):
    return DocumentAttachment.objects.create(document=document, file=upload(name, data))


@pytest.fixture
def document_with_pdf(site):
    make_unit()
    document = make_document(number="15/2024/QĐ-UBND")
    return document, attach(document)


def member(django_user_model, site, name, *codenames, app="documents"):
    user = django_user_model.objects.create_user(name, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label=app, codename__in=codenames)
    )
    Membership.objects.create(site=site, user=user)
    return user


EDITOR_PERMS = (
    "add_document",
    "change_document",
    "view_document",
    "add_documentattachment",
    "change_documentattachment",
    "delete_documentattachment",
    "view_documentattachment",
    "add_documentrelation",
    "change_documentrelation",
    "delete_documentrelation",
    "view_documentrelation",
)


@pytest.fixture
def editor(django_user_model, site):
    return member(django_user_model, site, "bientap", *EDITOR_PERMS)


@pytest.fixture
def approver(django_user_model, site):
    return member(
        django_user_model,
        site,
        "lanhdao",
        *EDITOR_PERMS,
        "publish_document",
        "delete_document",
        "view_opinion",
        "view_draft",
        "change_draft",
    )


def fresh_captcha():
    """A real captcha key and its stored answer (no test mode)."""
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    return key, CaptchaStore.objects.get(hashkey=key).response


def opinion_data(**overrides):
    key, answer = fresh_captcha()
    data = {
        "name": "Nguyễn Văn An",
        "email": "an.nguyen@example.vn",
        "phone": "0914.266.628",
        "clause": "Điều 5, khoản 2",
        "content": "Đề nghị bổ sung quy định về giờ mở cửa nhà văn hóa.",
        "consent": "on",
        "captcha_0": key,
        "captcha_1": answer,
    }
    data.update(overrides)
    return data
