"""Staff assign, answer and publish through the workflow; the asker is told."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.audit.models import AuditEntry
from questions.models import Question
from tests.factories import (
    login_verified,
    make_department,
    make_official,
    make_position,
)
from tests.questions.conftest import ASK, ask_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:questions_question_changelist")


def change_url(question):
    return reverse("admin:questions_question_change", args=[question.pk])


def change_form(question, **overrides):
    published = timezone.localtime(question.published_at)
    data = {
        "topic": question.topic_id or "",
        "title": question.title,
        "question": question.question,
        "assignee": question.assignee_key,
        "answer": question.answer,
        "answered_by": question.answered_by,
        "published_at_0": published.strftime("%d/%m/%Y"),
        "published_at_1": published.strftime("%H:%M:%S"),
        "expires_at_0": "",
        "expires_at_1": "",
        # The revision the form was opened on (the workflow's edit-conflict check).
        "base_revision": question.latest_revision_id or "",
    }
    data.update(overrides)
    return data


def staff_client(user):
    client = Client()
    login_verified(client, user)
    return client


def state_of(code):
    html = Client().post(reverse("questions:track"), {"ma": code}).content.decode()
    start = html.index("data-state=")
    return html[start : html.index("</dd>", start)]


def run_action(client, action, *questions):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [q.pk for q in questions]},
    )


@pytest.fixture
def civil_status(site):
    """The department questions about birth registration go to."""
    return make_department(name="Tư pháp - Hộ tịch")


def asked(client, topic, **overrides):
    client.post(ASK, ask_data(topic, **overrides))
    return Question.objects.latest("id")


def test_the_whole_path_from_question_to_published_answer(
    client,
    topic,
    civil_status,
    answerer,
    approver,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """Ask → received → assigned → answer in review → published, asker told."""
    question = asked(client, topic)
    code = question.tracking_code
    assert "Đã tiếp nhận" in state_of(code)

    writer = staff_client(answerer)
    form = writer.get(change_url(question)).context["adminform"].form
    department_key = f"department:{civil_status.pk}"
    assert (department_key, "Tư pháp - Hộ tịch") in form.fields["assignee"].choices[1][
        1
    ]
    response = writer.post(
        change_url(question), change_form(question, assignee=department_key)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Đang xử lý" in state_of(code)
    assert AuditEntry.objects.filter(summary="Giao cho Tư pháp - Hộ tịch").exists()

    question.refresh_from_db()
    answer = "<p>Bạn mang giấy chứng sinh đến bộ phận một cửa của phường.</p>"
    writer.post(change_url(question), change_form(question, answer=answer))
    run_action(writer, "submit_for_review", question)
    assert "Đang duyệt câu trả lời" in state_of(code)
    assert Client().get(question.get_absolute_url()).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        run_action(staff_client(approver), "publish", question)
    assert "Đã trả lời" in state_of(code)
    html = Client().get(question.get_absolute_url()).content.decode()
    assert "tôi cần giấy tờ gì" in html
    assert "bộ phận một cửa của phường" in html
    assert "Trả lời: Tư pháp - Hộ tịch" in html
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    # The asker's letter (the editor is also told the answer was approved).
    (message,) = [m for m in mailoutbox if m.to == ["an.nguyen@example.test"]]
    assert "đã trả lời câu hỏi của bạn" in message.subject
    assert f"http://example.com{question.get_absolute_url()}" in message.body
    assert question.tracking_code_display in message.body


def test_an_official_can_be_chosen_too(client, topic, answerer):
    official = make_official(
        make_department(name="Văn phòng"),
        make_position(name="Công chức Tư pháp - Hộ tịch"),
        name="Lê Thị Hoa",
    )
    question = asked(client, topic)
    key = f"official:{official.pk}"
    staff_client(answerer).post(
        change_url(question), change_form(question, assignee=key)
    )
    question.refresh_from_db()
    assert question.assignee_name == "Lê Thị Hoa – Công chức Tư pháp - Hộ tịch"


def test_an_unsigned_answer_is_signed_by_the_assignee(
    client, topic, civil_status, answerer
):
    question = asked(client, topic)
    staff_client(answerer).post(
        change_url(question),
        change_form(
            question,
            assignee=f"department:{civil_status.pk}",
            answer="<p>Trả lời.</p>",
        ),
    )
    question.refresh_from_db()
    assert question.answered_by == "Tư pháp - Hộ tịch"


def test_an_editor_cannot_publish(client, topic, answerer):
    question = asked(client, topic)
    writer = staff_client(answerer)
    writer.post(change_url(question), change_form(question, answer="<p>Trả lời.</p>"))
    run_action(writer, "publish", question)
    question.refresh_from_db()
    assert not question.live


def test_the_asker_is_told_once(
    client, topic, approver, mailoutbox, django_capture_on_commit_callbacks
):
    question = asked(client, topic)
    approving = staff_client(approver)
    approving.post(change_url(question), change_form(question, answer="<p>Lần 1.</p>"))
    with django_capture_on_commit_callbacks(execute=True):
        run_action(approving, "publish", question)
    question.refresh_from_db()
    approving.post(change_url(question), change_form(question, answer="<p>Lần 2.</p>"))
    with django_capture_on_commit_callbacks(execute=True):
        run_action(approving, "publish", question)
    assert len(mailoutbox) == 1
    assert "Lần 2." in Client().get(question.get_absolute_url()).content.decode()


def test_without_an_e_mail_address_nobody_is_written_to(
    client, topic, approver, mailoutbox, django_capture_on_commit_callbacks
):
    question = asked(client, topic, email="")
    approving = staff_client(approver)
    approving.post(change_url(question), change_form(question, answer="<p>Đáp.</p>"))
    with django_capture_on_commit_callbacks(execute=True):
        run_action(approving, "publish", question)
    question.refresh_from_db()
    assert question.is_public
    assert mailoutbox == []


def test_a_failed_e_mail_is_sent_later_by_the_command(
    client,
    topic,
    approver,
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    question = asked(client, topic)
    approving = staff_client(approver)
    approving.post(change_url(question), change_form(question, answer="<p>Đáp.</p>"))
    settings.EMAIL_BACKEND = "tests.questions.broken_mail.Backend"
    with django_capture_on_commit_callbacks(execute=True):
        run_action(approving, "publish", question)
    question.refresh_from_db()
    assert question.is_public and question.notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("questions_notify", stdout=out)
    assert "Told 1 of 1 askers." in out.getvalue()
    assert len(mailoutbox) == 1


def test_closing_a_question_tells_the_tracker(client, topic, approver):
    question = asked(client, topic)
    run_action(staff_client(approver), "archive", question)
    assert "Đã đóng" in state_of(question.tracking_code)


def test_staff_preview_an_answer_before_it_is_public(client, topic, answerer):
    question = asked(client, topic)
    writer = staff_client(answerer)
    writer.post(
        change_url(question), change_form(question, answer="<p>Nháp trả lời.</p>")
    )
    html = writer.get(question.get_absolute_url()).content.decode()
    assert "Nháp trả lời." in html
    assert "Bản xem trước" in html


def test_questions_come_from_citizens_only(client, topic, approver):
    response = staff_client(approver).get(reverse("admin:questions_question_add"))
    assert response.status_code == 403


def test_a_question_without_an_answer_is_not_published(client, topic, approver):
    question = asked(client, topic)
    response = run_action(staff_client(approver), "publish", question)
    html = Client().get(question.get_absolute_url())
    assert html.status_code == 404
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Vui lòng viết câu trả lời trước" in m for m in messages)


def test_staff_see_and_assign_within_their_own_unit(topic, answerer, site):
    from portal.models import Membership
    from tests.factories import make_question, make_site

    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test")
    Membership.objects.create(site=other, user=answerer)
    theirs = make_question(site=other, answered=False, title="Câu hỏi ở Vĩnh Tế")
    foreign = make_department(site=other, name="Công an xã Vĩnh Tế")
    ours = make_question(answered=False, title="Câu hỏi ở Tân Lập")
    client = Client(HTTP_HOST="tanlap.example.test")
    login_verified(client, answerer)
    listing = client.get(CHANGELIST).content.decode()
    assert ours.title in listing and theirs.title not in listing
    response = client.post(
        change_url(ours), change_form(ours, assignee=f"department:{foreign.pk}")
    )
    assert response.status_code == 200  # refused: not one of this unit's choices
    ours.refresh_from_db()
    assert ours.assignee_key == ""
