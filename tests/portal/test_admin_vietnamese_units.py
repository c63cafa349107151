"""The admin pages of the organisation, questions and schedule are Vietnamese too."""

import pytest
from django.urls import reverse

from tests.factories import (
    login_verified,
    make_entry,
    make_official,
    make_question,
    make_topic,
    make_unit,
)
from tests.portal.test_admin_vietnamese import english_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(site):
    make_unit()
    official = make_official()
    topic = make_topic()
    question = make_question(topic=topic, answered=False)
    entry = make_entry()
    return {"official": official, "topic": topic, "question": question, "entry": entry}


def pages(rows):
    official = rows["official"]
    return [
        reverse("admin:app_list", args=["organisation"]),
        reverse("admin:organisation_organisationprofile_add"),
        reverse("admin:organisation_department_changelist"),
        reverse("admin:organisation_department_change", args=[official.department_id]),
        reverse("admin:organisation_position_changelist"),
        reverse("admin:organisation_official_changelist"),
        reverse("admin:organisation_official_add"),
        reverse("admin:organisation_official_change", args=[official.pk]),
        reverse("admin:questions_topic_changelist"),
        reverse("admin:questions_question_changelist"),
        reverse("admin:questions_question_change", args=[rows["question"].pk]),
        reverse("admin:schedule_entry_changelist"),
        reverse("admin:schedule_entry_add"),
        reverse("admin:schedule_entry_change", args=[rows["entry"].pk]),
        reverse("admin:schedule_entry_copy_week"),
    ]


def test_every_page_of_the_three_apps_is_in_vietnamese(client, rows, admin_user):
    login_verified(client, admin_user)
    failures = {}
    for url in pages(rows):
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            failures[url] = english
    assert failures == {}
