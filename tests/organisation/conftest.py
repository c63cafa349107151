import pytest
from django.test.html import Element, parse_html

from portal.models import Membership
from tests.factories import (
    make_department,
    make_official,
    make_position,
    make_staff,
    make_unit,
)


@pytest.fixture
def organisation(site):
    """Tân Lập's chart: the People's Committee with two offices under it."""
    make_unit()
    committee = make_department(
        name="Ủy ban nhân dân phường",
        name_en="Ward People's Committee",
        position=1,
    )
    office = make_department(
        name="Văn phòng HĐND-UBND",
        name_en="Office of the People's Council and Committee",
        parent=committee,
        position=1,
    )
    police = make_department(name="Công an phường", parent=committee, position=2)
    chairman = make_position(
        name="Chủ tịch UBND phường",
        name_en="Chairman of the Ward People's Committee",
        position=1,
    )
    clerk = make_position(name="Công chức Văn phòng - Thống kê", position=5)
    chief = make_position(
        name="Trưởng Công an phường", name_en="Chief of Ward Police", position=3
    )
    return {
        "committee": committee,
        "office": office,
        "police": police,
        "chairman": make_official(
            committee,
            chairman,
            name="Dương Anh Tuấn",
            phone="0914.266.628",
            email="datuan.tnmt@gmail.com",
            is_spokesperson=True,
        ),
        "clerk": make_official(
            office,
            clerk,
            name="Lê Thị Hoa",
            phone="0208 3855 123",
            email="vanphong.tanlap@example.vn",
            is_contact_officer=True,
        ),
        "chief": make_official(police, chief, name="Hoàng Văn Nam", email=""),
    }


@pytest.fixture
def org_editor(site, django_user_model):
    """The unit administrator, who keeps the organisation chart."""
    return make_staff("tochuc", site, role=Membership.Role.UNIT_ADMIN)


def find(element, predicate):
    """Every element under `element` (itself included) that `predicate` accepts."""
    found = [element] if isinstance(element, Element) and predicate(element) else []
    for child in getattr(element, "children", []):
        found += find(child, predicate)
    return found


def with_class(name):
    return lambda element: name in dict(element.attributes).get("class", "").split()


def text(element):
    if isinstance(element, str):
        return element.strip()
    return " ".join(filter(None, (text(child) for child in element.children)))


def chart_tree(html):
    """The chart as [(department, [people], [sub-departments…])], from the markup:
    only <ul>/<li> nesting counts, as a screen reader walks it."""
    document = parse_html(html)
    (chart,) = find(document, with_class("org-chart"))
    assert chart.name == "ul"
    return [_unit(item) for item in chart.children if isinstance(item, Element)]


def _unit(item):
    assert item.name == "li"
    heading = next(c for c in item.children if isinstance(c, Element))
    assert heading.name in {"h3", "h4", "h5", "h6"}
    people, children = [], []
    for child in item.children:
        if isinstance(child, Element) and child.name == "ul":
            classes = dict(child.attributes).get("class", "")
            if "contact-cards" in classes:
                people = [
                    text(find(li, with_class("contact-card__name"))[0])
                    for li in child.children
                    if isinstance(li, Element)
                ]
            elif "org-chart__children" in classes:
                children = [
                    _unit(li) for li in child.children if isinstance(li, Element)
                ]
    return (heading.name, text(heading), people, children)
