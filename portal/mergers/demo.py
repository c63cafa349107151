"""The demo of a merger: two former units near Thái Nguyên joined the demo unit.

Phường Tân Thịnh (tanthinh.localhost) merged whole into the demo unit; Xã
Thịnh Đức (thinhduc.localhost) was divided between the demo unit and Xã Tân
Cương (tancuong.localhost), which got its farming news. After `load_demo`,
with `make run`: http://tanthinh.localhost:8000/tin-tuc/… redirects, an
unknown address there shows the banner and the successor, and
http://thinhduc.localhost:8000/ is the chooser. Idempotent: a former unit
already archived is left alone. (Browsers resolve *.localhost to this machine.)
"""

from datetime import datetime

from django.contrib.sites.models import Site
from django.utils import timezone

from articles.models import Article, Category
from comments.models import Comment
from portal.mergers import services
from portal.mergers.models import UnitArchive
from portal.models import UnitProfile
from stats.models import SiteCounterSettings

DEMO_DOMAIN = "localhost"  # the demo unit's own host, where redirects land

FORMER = {
    "tanthinh.localhost": {
        "name": "Phường Tân Thịnh",
        "profile": "PHƯỜNG TÂN THỊNH - THÀNH PHỐ THÁI NGUYÊN (CŨ)",
        "starting_total": 185342,
        "categories": [
            ("Tin tức - Sự kiện", "tin-tuc"),
            ("Văn hóa - Xã hội", "van-hoa"),
        ],
        "articles": [
            # The demo unit has an article with this slug: the moved one is -2.
            (
                "tin-tuc",
                "Ngày hội toàn dân bảo vệ an ninh tổ quốc năm 2022",
                "2022-08-15 08:00",
            ),
            (
                "van-hoa",
                "Phường Tân Thịnh tổ chức Giải bóng chuyền hơi năm 2024",
                "2024-04-20 07:30",
            ),
        ],
    },
    "thinhduc.localhost": {
        "name": "Xã Thịnh Đức",
        "profile": "XÃ THỊNH ĐỨC - THÀNH PHỐ THÁI NGUYÊN (CŨ)",
        "starting_total": 64210,
        "categories": [("Tin tức", "tin-tuc"), ("Nông nghiệp", "nong-nghiep")],
        "articles": [
            (
                "tin-tuc",
                "Xã Thịnh Đức họp mặt kỷ niệm Ngày Quốc khánh 2/9",
                "2024-09-01 09:00",
            ),
            (
                "nong-nghiep",
                "Thịnh Đức nhân rộng mô hình trồng chè an toàn",
                "2024-11-12 10:00",
            ),
        ],
    },
}
SPLIT_SUCCESSOR = (
    "tancuong.localhost",
    "Xã Tân Cương",
    "XÃ TÂN CƯƠNG - TỈNH THÁI NGUYÊN",
)


def load(site):
    """Add the former units and merge them into `site`; answer how many merged."""
    if site.domain == "example.com":  # Django's placeholder: give it a real host
        site.domain = DEMO_DOMAIN
        site.save()
    former = {domain: _former_unit(domain, spec) for domain, spec in FORMER.items()}
    tancuong = _unit(*SPLIT_SUCCESSOR)
    if not Category.objects.for_site(tancuong).exists():
        Category.objects.create(site=tancuong, name="Tin tức", slug="tin-tuc")
    merged = 0
    tanthinh, thinhduc = former["tanthinh.localhost"], former["thinhduc.localhost"]
    if not UnitArchive.objects.filter(site=tanthinh).exists():
        services.merge_units(into=[site], sources=[tanthinh])
        merged += 1
    if not UnitArchive.objects.filter(site=thinhduc).exists():
        services.merge_units(
            into=[site, tancuong],
            sources=[thinhduc],
            assignments={("category", "nong-nghiep"): tancuong},
        )
        merged += 1
    return merged


def _unit(domain, name, profile):
    site, _ = Site.objects.get_or_create(domain=domain, defaults={"name": name})
    UnitProfile.objects.get_or_create(
        site=site,
        defaults={
            "name": profile,
            "address": "Thành phố Thái Nguyên, tỉnh Thái Nguyên",
            "copyright": f"Bản quyền © {name}",
        },
    )
    return site


def _former_unit(domain, spec):
    site = _unit(domain, spec["name"], spec["profile"])
    if UnitArchive.objects.filter(site=site).exists():
        return site
    SiteCounterSettings.objects.get_or_create(
        site=site, defaults={"starting_total": spec["starting_total"]}
    )
    categories = {}
    for position, (name, slug) in enumerate(spec["categories"], start=1):
        categories[slug], _ = Category.objects.get_or_create(
            site=site, slug=slug, defaults={"name": name, "position": position}
        )
    for category, title, when in spec["articles"]:
        article, created = Article.objects.get_or_create(
            site=site,
            title=title,
            defaults={
                "category": categories[category],
                "lead": f"{spec['name']} – {title}.",
                "body": "<p>Nội dung đang được cập nhật.</p>",
                "status": Article.Status.PUBLISHED,
                "live": True,
                "published_at": timezone.make_aware(
                    datetime.strptime(when, "%Y-%m-%d %H:%M")
                ),
            },
        )
        if created:
            Comment.objects.create(
                site=site,
                article=article,
                name="Nguyễn Thị Lan",
                title="Cảm ơn",
                content="Cảm ơn ban biên tập đã đưa tin.",
                status=Comment.Status.APPROVED,
            )
    return site
