import pytest
from django.urls import reverse, reverse_lazy

from comments.models import Comment
from portal.models import Membership
from tests.factories import (
    A_HOST,
    B_HOST,
    login_verified,
    make_article,
    make_category,
    make_comment,
)
from tests.reading import page

pytestmark = pytest.mark.django_db

Status = Comment.Status
CHANGELIST = reverse_lazy("admin:comments_comment_changelist")


def test_changelist_opens_on_pending_newest_first(client, moderator, article):
    make_comment(article, status=Status.PENDING, title="Cũ chờ duyệt")
    make_comment(article, status=Status.PENDING, title="Mới chờ duyệt")
    make_comment(article, status=Status.APPROVED, title="Đã được duyệt")
    login_verified(client, moderator)
    html = client.get(CHANGELIST).content.decode()
    assert html.index("Mới chờ duyệt") < html.index("Cũ chờ duyệt")
    assert "Đã được duyệt" not in html
    assert article.title in html
    everything = client.get(CHANGELIST + "?trang-thai=all").content.decode()
    assert "Đã được duyệt" in everything and "Cũ chờ duyệt" in everything
    approved = client.get(CHANGELIST + "?trang-thai=approved").content.decode()
    assert "Đã được duyệt" in approved and "Cũ chờ duyệt" not in approved


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Status.APPROVED),
        ("reject", Status.REJECTED),
        ("mark_spam", Status.SPAM),
    ],
)
def test_bulk_actions(client, moderator, article, action, status):
    comments = [make_comment(article, status=Status.PENDING) for _ in range(3)]
    untouched = make_comment(article, status=Status.PENDING)
    login_verified(client, moderator)
    response = client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [c.pk for c in comments]},
    )
    assert response.status_code == 302
    assert set(Comment.objects.filter(status=status)) == set(comments)
    untouched.refresh_from_db()
    assert untouched.status == Status.PENDING


def test_approved_comment_becomes_public(client, moderator, article):
    comment = make_comment(article, status=Status.PENDING, title="Sắp hiện")
    assert "Sắp hiện" not in client.get(article.get_absolute_url()).content.decode()
    login_verified(client, moderator)
    client.post(CHANGELIST, {"action": "approve", "_selected_action": [comment.pk]})
    client.logout()
    assert "Sắp hiện" in client.get(article.get_absolute_url()).content.decode()


def test_reply_through_the_change_form_records_who_and_when(client, moderator, article):
    comment = make_comment(article, status=Status.PENDING, name="Người dân")
    login_verified(client, moderator)
    url = f"{CHANGELIST}{comment.pk}/change/"
    form = client.get(url).content.decode()
    assert "Người dân" in form and 'name="name"' not in form  # read-only
    response = client.post(
        url,
        {
            "status": Status.APPROVED,
            "reply": "Đã tiếp nhận.",
            "name": "Sửa tên",
            "content": "Sửa nội dung",
        },
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.reply == "Đã tiếp nhận." and comment.status == Status.APPROVED
    assert comment.replied_by == moderator and comment.replied_at is not None
    assert comment.name == "Người dân" and comment.content != "Sửa nội dung"


def test_staff_cannot_add_comments(client, moderator):
    login_verified(client, moderator)
    assert client.get(CHANGELIST + "add/").status_code == 403


def test_article_list_shows_the_pending_count(client, moderator, article):
    for _ in range(3):
        make_comment(article, status=Status.PENDING)
    make_comment(article, status=Status.APPROVED)
    make_comment(make_article(), status=Status.PENDING)
    login_verified(client, moderator)
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 200
    column = page(response).find("th", class_="column-pending_comments")
    assert column.text.lower() == "bình luận chờ duyệt"
    link = page(response).find("td", class_="field-pending_comments").find("a")
    assert link.text == "3"
    listed = client.get(link.attrs["href"])
    assert listed.status_code == 200
    assert listed.context["cl"].result_count == 3


def test_staff_of_site_b_never_see_site_a_comments(
    client, two_sites, django_user_model
):
    site_a, site_b = two_sites
    theirs = make_comment(
        make_article(category=make_category(site=site_a)),
        status=Status.PENDING,
        title="Của Tân Lập",
    )
    mine = make_comment(
        make_article(category=make_category(site=site_b)),
        status=Status.PENDING,
        title="Của Vĩnh Tế",
    )
    user = django_user_model.objects.create_user("vinhte", password="x", is_staff=True)
    Membership.objects.create(site=site_b, user=user, role=Membership.Role.UNIT_ADMIN)
    login_verified(client, user)
    html = client.get(CHANGELIST + "?trang-thai=all", HTTP_HOST=B_HOST).content.decode()
    assert "Của Vĩnh Tế" in html and "Của Tân Lập" not in html
    change = client.get(f"{CHANGELIST}{theirs.pk}/change/", HTTP_HOST=B_HOST)
    assert change.status_code == 302  # Django: "does not exist", back to the list
    client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [theirs.pk, mine.pk]},
        HTTP_HOST=B_HOST,
    )
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.status == Status.PENDING  # not in B's queryset: untouched
    assert mine.status == Status.APPROVED
    # And on site A's host the admin does not even let them in.
    assert client.get(CHANGELIST, HTTP_HOST=A_HOST).status_code == 302


def test_moderators_read_the_phone_in_the_national_format(client, moderator, site):
    comment = make_comment(make_article(), phone="+84914266628")
    login_verified(client, moderator)
    html = client.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "0914 266 628" in html
