import pytest
from django.core.exceptions import ValidationError

from articles.models import Article, Category
from tests.factories import make_article, make_category, make_site

pytestmark = pytest.mark.django_db


def test_slug_is_made_from_the_vietnamese_title(site):
    article = make_article(title="ĐẢNG ỦY XÃ VĨNH TẾ sơ kết quý I")
    assert article.slug == "dang-uy-xa-vinh-te-so-ket-quy-i"


def test_slugs_are_unique_per_site_and_reused_across_sites(site):
    first = make_article(title="Hội nghị tổng kết")
    second = make_article(title="Hội nghị tổng kết")
    other_site = make_article(
        category=make_category(site=make_site("xa-khac.example.test")),
        title="Hội nghị tổng kết",
    )
    assert first.slug == "hoi-nghi-tong-ket"
    assert second.slug == "hoi-nghi-tong-ket-2"
    assert other_site.slug == "hoi-nghi-tong-ket"


def test_editing_keeps_the_slug(site):
    article = make_article(title="Tiêu đề cũ")
    article.title = "Tiêu đề mới"
    article.save()
    assert article.slug == "tieu-de-cu"


def test_only_one_level_of_subcategories(site):
    parent = make_category(name="Tin tức")
    child = make_category(name="Tin xã", parent=parent)
    grandchild = Category(site=site, name="Tin ấp", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()


def test_category_of_another_site_is_refused(site):
    foreign = make_category(site=make_site("xa-khac.example.test"))
    article = Article(site=site, category=foreign, title="Tin")
    with pytest.raises(ValidationError):
        article.full_clean()
