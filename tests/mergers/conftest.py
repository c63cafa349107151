import pytest
from django.test import Client

from portal.mergers import services
from tests.factories import (
    make_article,
    make_category,
    make_comment,
    make_site,
    make_unit,
)

NEW, OLD_A, OLD_B = (
    "tanlap.example.test",
    "tanthinh.example.test",
    "thinhduc.example.test",
)


@pytest.fixture
def units(site):
    """The new unit (Tân Lập) and two former units with clashing slugs and names."""
    site.domain, site.name = NEW, "Phường Tân Lập"
    site.save()
    old_a = make_site(OLD_A, "Phường Tân Thịnh")
    old_b = make_site(OLD_B, "Xã Thịnh Đức")
    for unit_site in (site, old_a, old_b):
        make_unit(site=unit_site, name=unit_site.name.upper())
    return site, old_a, old_b


@pytest.fixture
def content(units):
    """News on each unit: the same article slug and a same-named category."""
    new, old_a, old_b = units
    news_new = make_category(site=new, name="Tin tức", slug="tin-tuc")
    news_a = make_category(site=old_a, name="TIN TUC", slug="tin-tuc-a")
    culture_a = make_category(site=old_a, name="Văn hóa", slug="van-hoa")
    news_b = make_category(site=old_b, name="Tin tức", slug="tin-tuc")
    rows = {
        "new": make_article(category=news_new, title="Hội nghị", slug="hoi-nghi"),
        "a": make_article(category=news_a, title="Hội nghị", slug="hoi-nghi"),
        "a_culture": make_article(category=culture_a, title="Lễ hội", slug="le-hoi"),
        "b": make_article(category=news_b, title="Hội nghị", slug="hoi-nghi"),
    }
    make_comment(rows["a"], title="Ý kiến ở Tân Thịnh")
    return rows


def merge(into, sources, **kwargs):
    return services.merge_units(into=into, sources=sources, **kwargs)


def host_client(host):
    return Client(HTTP_HOST=host)
