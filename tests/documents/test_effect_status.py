"""The effect status is computed from the dates and replacement, on Vietnamese dates."""

from datetime import date

import pytest
import time_machine

from documents.models import Document, DocumentRelation, EffectStatus
from tests.factories import make_document, vietnam_time

pytestmark = pytest.mark.django_db


def travel(instant):
    return time_machine.travel(instant, tick=False)


def status_in_sql(document):
    """The status as the list's filter computes it in PostgreSQL."""
    return next(
        status
        for status in EffectStatus
        if Document.objects.filter(pk=document.pk).in_effect_status(status).exists()
    )


def reloaded(document):
    return Document.objects.get(pk=document.pk)


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        (vietnam_time(2025, 7, 20, 23, 59), EffectStatus.NOT_YET),
        # 00:01 on the 21st in Vietnam is still the 20th in UTC.
        (vietnam_time(2025, 7, 21, 0, 1), EffectStatus.IN_EFFECT),
    ],
)
def test_a_document_takes_effect_on_the_vietnamese_date(site, clock, expected):
    """Effective 21/07/2025: not yet at 23:59 on the 20th, in effect at 00:01."""
    document = make_document(
        issue_date=date(2025, 7, 10), effective_date=date(2025, 7, 21)
    )
    with travel(clock):
        assert reloaded(document).effect_status() == expected
        assert status_in_sql(document) == expected


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        (vietnam_time(2025, 9, 30, 23, 59), EffectStatus.IN_EFFECT),
        (vietnam_time(2025, 10, 1, 0, 1), EffectStatus.ENDED),
    ],
)
def test_a_document_ends_on_its_expiry_date(site, clock, expected):
    """Expiry 01/10/2025: in effect until the end of 30/09, ended from 00:00 on 01/10."""
    document = make_document(
        issue_date=date(2025, 6, 28),
        effective_date=date(2025, 7, 1),
        expiry_date=date(2025, 10, 1),
    )
    with travel(clock):
        assert reloaded(document).effect_status() == expected
        assert status_in_sql(document) == expected


def replace(old, **fields):
    new = make_document(**fields)
    DocumentRelation.objects.create(
        source=new, target=old, kind=DocumentRelation.Kind.REPLACES
    )
    return new


@pytest.mark.parametrize(
    ("clock", "expected"),
    [
        (vietnam_time(2025, 7, 20, 23, 59), EffectStatus.IN_EFFECT),
        (vietnam_time(2025, 7, 21, 0, 1), EffectStatus.ENDED),
    ],
)
def test_a_document_ends_when_its_replacement_takes_effect(site, clock, expected):
    """Replaced by a document effective 21/07/2025: ended from that Vietnamese date."""
    old = make_document(issue_date=date(2024, 5, 20))
    replace(old, issue_date=date(2025, 7, 10), effective_date=date(2025, 7, 21))
    with travel(clock):
        assert reloaded(old).effect_status() == expected
        assert status_in_sql(old) == expected


def test_an_unpublished_replacement_changes_nothing(site):
    """A replacing document still in draft does not end the old one."""
    old = make_document(issue_date=date(2024, 5, 20))
    replace(old, status="draft", issue_date=date(2025, 1, 2))
    assert reloaded(old).effect_status() == EffectStatus.IN_EFFECT
    assert status_in_sql(old) == EffectStatus.IN_EFFECT


def test_amending_does_not_end_a_document(site):
    old = make_document(issue_date=date(2024, 5, 20))
    new = make_document(issue_date=date(2025, 1, 2))
    DocumentRelation.objects.create(
        source=new, target=old, kind=DocumentRelation.Kind.AMENDS
    )
    assert reloaded(old).effect_status() == EffectStatus.IN_EFFECT


def test_the_status_is_no_stored_field(site):
    """Nothing to forget to update: the model has no column for it."""
    names = {field.name for field in Document._meta.get_fields()}
    assert not {"effect_status", "effect", "in_effect"} & names


def test_without_an_effective_date_the_issue_date_counts(site):
    document = make_document(issue_date=date(2025, 3, 1), effective_date=None)
    assert reloaded(document).effective_date == date(2025, 3, 1)
