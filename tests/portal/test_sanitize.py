import pytest

from portal.sanitize import sanitize_html
from tests.factories import make_article

REMOVED = [
    ("<p>ok</p><script>alert(1)</script>", "<script"),
    ('<img src="x.jpg" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">bấm</a>', "javascript:"),
    ('<p style="display:none">ẩn</p>', "style="),
    ('<iframe src="https://evil.example"></iframe>', "<iframe"),
    ("<style>p{display:none}</style><p>x</p>", "<style"),
    ('<p onclick="steal()">x</p>', "onclick"),
    ('<svg onload="alert(1)"><circle/></svg>', "<svg"),
    ('<form action="/x"><input name="q"></form>', "<form"),
    ("<!-- bình luận ẩn --><p>x</p>", "<!--"),
    ('<p class="hidden">x</p>', "class="),
]

KEPT = [
    "<h2>Tiêu đề</h2>",
    "<h3>Mục nhỏ</h3>",
    "<ul><li>Một</li><li>Hai</li></ul>",
    "<ol><li>Một</li></ol>",
    "<table><tbody><tr><td>Ô 1</td><td>Ô 2</td></tr></tbody></table>",
    "<blockquote>Trích dẫn</blockquote>",
    "<strong>đậm</strong> <em>nghiêng</em>",
    '<figure class="image"><img src="/media/a.jpg" alt="Toàn cảnh">'
    "<figcaption>Toàn cảnh hội nghị</figcaption></figure>",
]


@pytest.mark.parametrize("html,forbidden", REMOVED)
def test_dangerous_markup_is_removed(html, forbidden):
    """Script, handlers, javascript: URLs, styles and foreign elements go."""
    assert forbidden not in sanitize_html(html)


@pytest.mark.parametrize("html", KEPT)
def test_article_structure_is_kept(html):
    """Headings, lists, tables, quotes, figures and captions survive unchanged."""
    assert sanitize_html(html) == html


def test_links_keep_their_target_and_get_a_safe_rel():
    cleaned = sanitize_html('<a href="https://chinhphu.vn/">Cổng Chính phủ</a>')
    assert 'href="https://chinhphu.vn/"' in cleaned
    assert 'rel="noopener noreferrer"' in cleaned


def test_responsive_image_attributes_are_kept():
    html = (
        '<img src="/m/a.jpg" srcset="/m/a480.jpg 480w, /m/a960.jpg 960w" sizes="100vw">'
    )
    cleaned = sanitize_html(html)
    assert 'srcset="/m/a480.jpg 480w, /m/a960.jpg 960w"' in cleaned
    assert 'sizes="100vw"' in cleaned


@pytest.mark.django_db
def test_article_body_is_sanitized_on_save(site):
    """Whatever reaches the model, even bypassing forms, is cleaned when saved."""
    article = make_article(
        body='<p onclick="x()">Nội dung</p><script>alert(1)</script>'
    )
    article.refresh_from_db()
    assert article.body == "<p>Nội dung</p>"
