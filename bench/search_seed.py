"""Fill the search benchmark database: N of each kind the search covers.

Articles and pages are bulk-inserted as rows and indexed by search_reindex (what
an import would do). Documents, procedures and Q&A belong to apps of other
branches: their N index rows each are written straight into the index with
text of their shape, which is all the search page reads. Safe to run again.
"""

import os
import random
import sys
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from pages.models import Page  # noqa: E402
from portal.search_index.indexing import Entry, reindex, upsert  # noqa: E402
from portal.search_index.models import SearchEntry  # noqa: E402
from tests.factories import default_site  # noqa: E402

N = int(os.environ.get("BENCH_PER_KIND", 10_000))
BATCH = 1_000
VOCABULARY = (
    "Ủy ban nhân dân phường Tân Lập tổ chức hội nghị sơ kết công tác cải cách "
    "hành chính chuyển đổi số tiếp công dân giải quyết thủ tục đất đai xây dựng "
    "Đảng chính quyền an ninh trật tự y tế giáo dục khuyến học môi trường giao "
    "thông nông thôn mới đô thị văn minh quyết định thông báo kế hoạch hướng dẫn "
    "đăng ký hộ tịch khai sinh kết hôn chứng thực bản sao người cao tuổi bảo hiểm"
)
WORDS = VOCABULARY.split(" ")


def text(rng, words):
    """Words of one topic: a fifth of the vocabulary, so a word is in about a
    fifth of the texts and two given words together in a few percent."""
    topic = rng.sample(WORDS, len(WORDS) // 5)
    return " ".join(rng.choice(topic) for _ in range(words))


def fill_rows(model, make, existing):
    for start in range(existing, N, BATCH):
        rows = [make(n) for n in range(start, min(start + BATCH, N))]
        model.objects.bulk_create(rows)


def main():
    call_command("load_demo", "--if-empty")
    site = default_site()
    rng = random.Random(14)
    now = timezone.now()
    categories = list(Category.objects.for_site(site))

    def article(n):
        return Article(
            site=site,
            category=categories[n % len(categories)],
            title=f"Hội nghị {text(rng, 8)} số {n}",
            slug=f"bai-tim-kiem-{n}",
            lead=text(rng, 40),
            body="".join(f"<p>{text(rng, 60)}</p>" for _ in range(6)),
            status=Article.Status.PUBLISHED,
            live=True,
            published_at=now - timedelta(minutes=10 * n + 1),
        )

    def page(n):
        return Page(
            site=site,
            title=f"Trang {text(rng, 5)} {n}",
            slug=f"trang-tim-kiem-{n}",
            body="".join(f"<p>{text(rng, 60)}</p>" for _ in range(4)),
            status=Page.Status.PUBLISHED,
            live=True,
            published_at=now - timedelta(hours=n + 1),
        )

    fill_rows(
        Article,
        article,
        Article.objects.filter(slug__startswith="bai-tim-kiem-").count(),
    )
    fill_rows(
        Page, page, Page.objects.filter(slug__startswith="trang-tim-kiem-").count()
    )
    reindex(sites=[site], kinds=["tin-tuc", "trang"])

    for kind, words in (("van-ban", 300), ("thu-tuc", 400), ("hoi-dap", 150)):
        content_type, _ = ContentType.objects.get_or_create(
            app_label="bench", model=kind
        )
        have = SearchEntry.objects.filter(content_type=content_type).count()
        for start in range(have, N, BATCH):
            upsert(
                [
                    Entry(
                        site_id=site.pk,
                        kind=kind,
                        content_type_id=content_type.pk,
                        object_id=str(n),
                        title=f"{kind} {text(rng, 10)} {n}",
                        url=f"/{kind}/{n}/",
                        date=now - timedelta(hours=n),
                        published_at=now - timedelta(hours=n),
                        expires_at=None,
                        text=text(rng, words),
                    )
                    for n in range(start, min(start + BATCH, N))
                ]
            )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = SearchEntry.objects.values_list("kind").order_by("kind")
    print(dict(counts.annotate(n=django.db.models.Count("id"))))


main()
