from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.factories import (
    A_HOST,
    B_HOST,
    comment_data,
    comment_url,
    fresh_captcha,
    make_article,
    make_category,
)

pytestmark = pytest.mark.django_db

MODERATION = (
    "Cảm ơn bạn! Bình luận của bạn đang chờ duyệt và sẽ được hiển thị sau khi "
    "được kiểm duyệt."
)
CAPTCHA_ERROR = "Mã xác nhận không đúng hoặc đã hết hạn, vui lòng nhập lại mã mới."


def test_valid_comment_is_saved_pending_and_redirects_with_the_message(client, article):
    response = client.post(comment_url(article), comment_data())
    assert response.status_code == 302
    assert response.url == article.get_absolute_url() + "#binh-luan"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.site == article.site and comment.article == article
    assert comment.phone == "+84914266628"
    assert len(comment.address_hash) == 64
    html = client.get(response.url).content.decode()
    assert MODERATION in html
    assert html.count(MODERATION) == 1  # not repeated at the top of the page
    # Nor an empty status list left there (hidden by `.messages:empty`).
    assert '<ul class="messages" role="status"></ul>' in html
    assert comment.title not in html  # pending: not public


def test_consent_is_required_and_never_ticked_in_advance(client, article):
    """Law 91/2025: silence is not consent. Unticked: nothing saved, values kept."""
    page = client.get(comment_url(article)).content.decode()
    box = page[page.index('name="consent"') - 80 : page.index('name="consent"') + 80]
    assert 'type="checkbox"' in box and "checked" not in box
    data = comment_data()
    del data["consent"]
    response = client.post(comment_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng đánh dấu ô đồng ý" in html
    assert 'value="Nguyễn Văn An"' in html
    assert not Comment.objects.exists()


def test_the_consent_links_the_privacy_notice_and_says_the_period(client, article):
    html = client.get(comment_url(article)).content.decode()
    assert 'href="/bao-ve-du-lieu-ca-nhan/"' in html
    assert "12 tháng" in html
    notice = client.get(reverse("privacy"))
    assert notice.status_code == 200
    assert "12 tháng" in notice.content.decode()


def test_a_saved_comment_records_when_consent_was_given(client, article):
    client.post(comment_url(article), comment_data())
    assert Comment.objects.get().consented_at is not None


def test_wrong_captcha_keeps_the_typed_values_and_explains(client, article):
    data = comment_data(captcha_1="sai", content="Nội dung <b>dài</b> đủ mười ký tự")
    response = client.post(comment_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert CAPTCHA_ERROR in html
    assert 'role="alert"' in html
    assert 'value="Nguyễn Văn An"' in html
    assert 'value="0914.266.628"' in html
    assert 'value="Đề nghị sửa đường liên xóm"' in html
    assert "Nội dung &lt;b&gt;dài&lt;/b&gt; đủ mười ký tự</textarea>" in html
    assert 'value="sai"' not in html  # the answer is not kept: a new code is shown
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_captcha_helptext id_captcha_error"' in html
    assert not Comment.objects.exists()


def test_right_captcha_works_once_only(client, article):
    data = comment_data()
    assert client.post(comment_url(article), data).status_code == 302
    again = client.post(comment_url(article), {**data, "title": "Lần hai"})
    assert again.status_code == 200
    assert CAPTCHA_ERROR in again.content.decode()
    assert Comment.objects.count() == 1


def test_a_wrong_answer_burns_the_key(client, article):
    data = comment_data()
    client.post(comment_url(article), {**data, "captcha_1": "sai"})
    response = client.post(comment_url(article), data)
    assert response.status_code == 200 and not Comment.objects.exists()


def test_expired_captcha_is_refused(client, article):
    data = comment_data()
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(comment_url(article), data)
    assert CAPTCHA_ERROR in response.content.decode()
    assert not Comment.objects.exists()


def test_missing_captcha_answer_asks_for_it(client, article):
    response = client.post(comment_url(article), comment_data(captcha_1=""))
    assert "Vui lòng nhập mã xác nhận." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Vui lòng nhập họ tên."),
        ("name", "A" * 101, "101"),
        ("title", "", "Vui lòng nhập tiêu đề."),
        ("title", "T" * 201, "201"),
        ("content", "", "Vui lòng nhập nội dung bình luận."),
        ("content", "Ngắn quá", "Nội dung quá ngắn"),
        ("content", "x" * 2001, "Nội dung quá dài"),
        ("phone", "12345", "Số điện thoại không hợp lệ"),
        ("phone", "0914 266 62a", "Số điện thoại không hợp lệ"),
        ("phone", "+1 202 555 0100", "Số điện thoại không hợp lệ"),
    ],
)
def test_each_field_is_validated(client, article, field, value, message):
    response = client.post(comment_url(article), comment_data(**{field: value}))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "typed",
    [
        "0914.266.628",
        "0914 266 628",
        "0914-266-628",
        "+84 914 266 628",
        "84914266628",
        "(+84) 914.266.628",
    ],
)
def test_phone_formats_are_normalized(client, article, typed):
    assert (
        client.post(comment_url(article), comment_data(phone=typed)).status_code == 302
    )
    assert Comment.objects.get().phone == "+84914266628"


def test_landline_and_empty_phone(client, article):
    client.post(comment_url(article), comment_data(phone="0208 3855 123"))
    client.post(comment_url(article), comment_data(phone="", title="Không số"))
    assert sorted(Comment.objects.values_list("phone", flat=True)) == [
        "",
        "+842083855123",
    ]


def test_limits_are_shown_as_help_and_attributes(client, article):
    html = client.get(comment_url(article)).content.decode()
    for text in ("Họ tên", "Số điện thoại", "Tiêu đề", "Nội dung", "Mã xác nhận"):
        assert text in html
    assert "Lấy lại mã bảo mật" in html
    assert 'maxlength="2000"' in html and 'minlength="10"' in html
    assert "Từ 10 đến 2.000 ký tự." in html


def test_honeypot_pretends_success_and_saves_nothing(client, article):
    response = client.post(comment_url(article), comment_data(website="http://x.io"))
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_no_js_captcha_refresh_keeps_text_and_shows_a_new_code(client, article):
    data = comment_data(refresh_captcha="1", captcha_1="")
    response = client.post(comment_url(article), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Nguyễn Văn An"' in html and "Đường liên xóm 3" in html
    assert 'role="alert"' not in html and "aria-invalid" not in html
    new_key = response.context["form"]["captcha"].field.widget._key
    assert new_key != data["captcha_0"]
    assert f'value="{new_key}"' in html
    assert not Comment.objects.exists()


def test_ajax_captcha_refresh_answers_a_new_key(client, article):
    response = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    data = response.json()
    assert CaptchaStore.objects.filter(hashkey=data["key"]).exists()
    assert data["image_url"].endswith(f"/{data['key']}/")


def test_comments_are_rate_limited_per_address(client, article, settings):
    settings.COMMENTS_POST_RATE = "2/10m"
    for n in range(2):
        data = comment_data(title=f"Bình luận {n}")
        assert Client().post(comment_url(article), data).status_code == 302
    response = Client().post(comment_url(article), comment_data(title="Thứ ba"))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Bạn đã gửi nhiều bình luận trong thời gian ngắn" in html
    assert 'value="Thứ ba"' in html
    assert Comment.objects.count() == 2
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert other.post(comment_url(article), comment_data()).status_code == 302


def test_mistakes_do_not_use_up_the_rate_limit(client, article, settings):
    settings.COMMENTS_POST_RATE = "1/10m"
    for _ in range(3):
        client.post(comment_url(article), comment_data(captcha_1="sai"))
    assert client.post(comment_url(article), comment_data()).status_code == 302


def test_only_published_articles_take_comments(client, article):
    draft = make_article(status=Article.Status.DRAFT)
    future = make_article(published_at=timezone.now() + timedelta(days=1))
    for target in (draft, future):
        assert client.post(comment_url(target), comment_data()).status_code == 404
    assert client.put(comment_url(article)).status_code == 405
    assert not Comment.objects.exists()


def test_comment_on_another_sites_article_404s(client, two_sites):
    site_a, _site_b = two_sites
    theirs = make_article(category=make_category(site=site_a))
    response = client.post(comment_url(theirs), comment_data(), HTTP_HOST=B_HOST)
    assert response.status_code == 404
    ours = client.post(comment_url(theirs), comment_data(), HTTP_HOST=A_HOST)
    assert ours.status_code == 302
    assert Comment.objects.get().site == site_a


def test_fresh_captcha_helper_reads_the_store(db):
    key, answer = fresh_captcha()
    assert CaptchaStore.objects.get(hashkey=key).response == answer


def test_the_article_page_opens_the_form_on_demand_and_makes_no_captcha(
    client, article
):
    """A page view makes no captcha row and shows no token: "Write a comment"
    opens the form (its section alone for the script)."""
    from captcha.models import CaptchaStore

    html = client.get(article.get_absolute_url()).content.decode()
    assert not CaptchaStore.objects.exists()
    assert "csrfmiddlewaretoken" not in html
    assert f'href="{comment_url(article)}#gui-binh-luan"' in html
    section = client.get(comment_url(article), HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    fragment = section.content.decode()
    assert fragment.lstrip().startswith("<section") and "<html" not in fragment
    assert "csrfmiddlewaretoken" in fragment and 'name="captcha_0"' in fragment
    assert CaptchaStore.objects.count() == 1
