"""Fill the benchmark database: the demo content plus N generated articles.

Run by bench/run.sh with DJANGO_SETTINGS_MODULE and DATABASE_URL set; safe to run
again (tops up to N). Articles are bulk-inserted, so their derived fields are
computed here the way Article.save() computes them.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from tests.factories import default_site  # noqa: E402

TARGET = int(os.environ.get("BENCH_ARTICLES", 10_000))
BATCH = 1_000
PARAGRAPH = (
    "Năm 2020, Huyện ủy Thường Tín đã tập trung lãnh đạo, chỉ đạo theo hướng sâu sát, "
    "cụ thể, thiết thực, kịp thời với yêu cầu nhiệm vụ, đảm bảo sự lãnh đạo toàn diện "
    "và công tác kiểm tra, nắm chắc tình hình, sâu sát cơ sở."
)


def main():
    call_command("load_demo", "--if-empty")
    site = default_site()
    categories = list(Category.objects.for_site(site))
    have = Article.objects.for_site(site).count()
    now = timezone.now()
    for start in range(have, TARGET, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, TARGET)):
            title = f"Hội nghị sơ kết công tác số {n} của Đảng ủy xã Tân Phú Đông"
            body = f"<p>{PARAGRAPH}</p>" * 8
            batch.append(
                Article(
                    site=site,
                    category=categories[n % len(categories)],
                    title=title,
                    slug=f"bai-thu-nghiem-{n}",
                    lead=PARAGRAPH,
                    body=body,
                    author="Hoàng Khanh",
                    status=Article.Status.PUBLISHED,
                    live=True,
                    featured=n % 50 == 0,
                    published_at=now - timedelta(minutes=10 * n + 1),
                )
            )
        Article.objects.bulk_create(batch)
    # Fresh planner statistics, as autovacuum would give a long-running site.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{Article.objects.for_site(site).count()} articles on {site.domain}")


main()
