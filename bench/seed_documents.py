"""Fill the benchmark database with N documents (BENCH_DOCUMENTS, default 10,000).

Run by bench/documents.sh with DJANGO_SETTINGS_MODULE and DATABASE_URL set; safe
to run again (tops up to N). Documents are bulk-inserted, so their derived
fields are computed here the way Document.save() computes them.
"""

import os
import sys
from datetime import date, timedelta
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from documents import search  # noqa: E402
from documents.listing import forget_options  # noqa: E402
from documents.models import Document, DocumentType, IssuingBody, Sector  # noqa: E402
from tests.factories import default_site  # noqa: E402

TARGET = int(os.environ.get("BENCH_DOCUMENTS", 10_000))
BATCH = 1_000
KINDS = [
    ("Quyết định", "QĐ"),
    ("Kế hoạch", "KH"),
    ("Thông báo", "TB"),
    ("Báo cáo", "BC"),
]
BODIES = ["UBND phường Tân Lập", "UBND tỉnh Thái Nguyên", "HĐND phường Tân Lập"]
SUMMARY = (
    "Về việc triển khai thực hiện nhiệm vụ phát triển kinh tế – xã hội, bảo đảm "
    "quốc phòng – an ninh trên địa bàn phường năm {year}, đợt {n}"
)


def main():
    call_command("load_demo", "--if-empty")
    site = default_site()
    types = [DocumentType.remember(site, name) for name, _code in KINDS]
    bodies = [IssuingBody.remember(site, name) for name in BODIES]
    sector = Sector.remember(site, "Hành chính – Tư pháp")
    have = Document.objects.for_site(site).count()
    now = timezone.now()
    for start in range(have, TARGET, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, TARGET)):
            issued = date(2026, 12, 31) - timedelta(days=n // 4)
            kind, code = KINDS[n % len(KINDS)]
            number = f"{n + 1}/{issued.year}/{code}-UBND-B"
            summary = SUMMARY.format(year=issued.year, n=n)
            body = bodies[n % len(bodies)]
            batch.append(
                Document(
                    site=site,
                    number=number,
                    number_key=Document.key_of(number),
                    slug=f"van-ban-thu-nghiem-{n}",
                    document_type=types[n % len(types)],
                    issuing_body=body,
                    sector=sector,
                    issue_date=issued,
                    effective_date=issued + timedelta(days=10),
                    expiry_date=issued + timedelta(days=900) if n % 7 == 0 else None,
                    summary=summary,
                    status="published",
                    live=True,
                    published_at=now - timedelta(minutes=n + 1),
                    search_text=search.search_text(
                        number=number, texts=[kind, summary, body.name]
                    ),
                )
            )
        Document.objects.bulk_create(batch)
    forget_options(site.pk)  # bulk_create sends no signal to drop the cached filters
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"{Document.objects.for_site(site).count()} documents on {site.domain}")


main()
