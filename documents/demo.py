"""Demo documents of the demo unit (Phường Tân Lập, Thái Nguyên), written for the demo.

About 30 documents of the ward, the city and the province, with generated
files (PDF, DOCX, a ZIP of annexes), relations (replaces, amends, supplements)
and all three effect states; one consultation open and one closed, with its
opinions and its summary. Dates that decide a state are counted from today, so
the states hold whenever the demo is loaded. Idempotent: a document is found by
its number, a draft by its slug.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from documents import demo_files
from documents.models import (
    Document,
    DocumentAttachment,
    DocumentRelation,
    DocumentType,
    Draft,
    DraftAttachment,
    IssuingBody,
    Opinion,
    Sector,
    Signer,
)
from portal.text import slugify_vi
from portal.workflow.models import Status

WARD, CITY = "UBND phường Tân Lập", "UBND thành phố Thái Nguyên"
PROVINCE, PROVINCE_COUNCIL = "UBND tỉnh Thái Nguyên", "HĐND tỉnh Thái Nguyên"
WARD_COUNCIL = "HĐND phường Tân Lập"
CHAIR, VICE = "Chủ tịch Dương Anh Tuấn", "Phó Chủ tịch Nguyễn Thị Thu Hà"
P_VICE, P_CHAIR_COUNCIL = "Phó Chủ tịch Lê Quang Minh", "Chủ tịch Phạm Hoàng Sơn"
TYPES = [
    "Quyết định",
    "Nghị quyết",
    "Chỉ thị",
    "Kế hoạch",
    "Thông báo",
    "Hướng dẫn",
    "Báo cáo",
    "Tờ trình",
    "Công văn",
]
SECTORS = [
    "Hành chính – Tư pháp",
    "Đất đai – Xây dựng",
    "Tài chính – Ngân sách",
    "Văn hóa – Xã hội",
    "Giáo dục – Y tế",
    "Tài nguyên – Môi trường",
    "Quốc phòng – An ninh",
]
D = date.fromisoformat

# number, type, issuing body, signer, field, issued, effective, expires, summary
DOCUMENTS = [
    (
        "15/2024/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        0,
        D("2024-05-20"),
        D("2024-06-01"),
        None,
        "Ban hành Quy định về tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh Thái Nguyên",
    ),
    (
        "26/2025/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        0,
        D("2025-07-10"),
        D("2025-07-21"),
        None,
        "Ban hành Quy định về tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông trên địa bàn tỉnh Thái Nguyên (thay thế Quyết định số 15/2024/QĐ-UBND)",
    ),
    (
        "08/2023/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        1,
        D("2023-02-15"),
        D("2023-03-01"),
        D("2025-01-01"),
        "Sửa đổi, bổ sung Bảng giá đất giai đoạn 2020–2024 trên địa bàn tỉnh Thái Nguyên",
    ),
    (
        "45/2024/NQ-HĐND",
        "Nghị quyết",
        PROVINCE_COUNCIL,
        P_CHAIR_COUNCIL,
        3,
        D("2024-12-10"),
        D("2025-01-01"),
        None,
        "Quy định mức hỗ trợ đối với người có công với cách mạng và thân nhân trên địa bàn tỉnh Thái Nguyên",
    ),
    (
        "22/2025/NQ-HĐND",
        "Nghị quyết",
        PROVINCE_COUNCIL,
        P_CHAIR_COUNCIL,
        3,
        D("2025-07-15"),
        D("2025-08-01"),
        None,
        "Bổ sung đối tượng được hỗ trợ quy định tại Nghị quyết số 45/2024/NQ-HĐND",
    ),
    (
        "30/2024/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        5,
        D("2024-09-05"),
        D("2024-09-20"),
        None,
        "Ban hành Quy định quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh Thái Nguyên",
    ),
    (
        "11/2025/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        5,
        D("2025-04-02"),
        D("2025-04-15"),
        None,
        "Sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo Quyết định số 30/2024/QĐ-UBND về quản lý chất thải rắn sinh hoạt",
    ),
    (
        "12/NQ-HĐND",
        "Nghị quyết",
        WARD_COUNCIL,
        "Chủ tịch HĐND Hoàng Văn Khánh",
        2,
        D("2024-12-20"),
        D("2024-12-20"),
        None,
        "Về dự toán thu, chi ngân sách nhà nước năm 2025 của phường Tân Lập",
    ),
    (
        "125/QĐ-UBND",
        "Quyết định",
        WARD,
        CHAIR,
        0,
        D("2025-03-12"),
        D("2025-03-12"),
        None,
        "Kiện toàn Ban Chỉ đạo chuyển đổi số phường Tân Lập",
    ),
    (
        "58/KH-UBND",
        "Kế hoạch",
        WARD,
        VICE,
        0,
        D("2025-02-10"),
        D("2025-02-10"),
        None,
        "Triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06) năm 2025",
    ),
    (
        "72/KH-UBND",
        "Kế hoạch",
        WARD,
        VICE,
        3,
        D("2025-07-25"),
        D("2025-07-25"),
        None,
        "Tổ chức các hoạt động kỷ niệm 80 năm Cách mạng tháng Tám và Quốc khánh 2/9",
    ),
    (
        "31/TB-UBND",
        "Thông báo",
        WARD,
        CHAIR,
        0,
        D("2025-06-28"),
        D("2025-07-01"),
        D("2025-10-01"),
        "Lịch tiếp công dân định kỳ của Chủ tịch UBND phường quý III năm 2025",
    ),
    (
        "40/TB-UBND",
        "Thông báo",
        WARD,
        CHAIR,
        0,
        D("2025-09-30"),
        D("2025-09-30"),
        None,
        "Kết luận của Chủ tịch UBND phường tại cuộc họp giao ban tháng 9 năm 2025",
    ),
    (
        "05/CT-UBND",
        "Chỉ thị",
        WARD,
        CHAIR,
        6,
        D("2024-11-15"),
        D("2024-11-15"),
        None,
        "Tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ trong mùa hanh khô",
    ),
    (
        "210/BC-UBND",
        "Báo cáo",
        WARD,
        CHAIR,
        2,
        D("2025-06-15"),
        D("2025-06-15"),
        None,
        "Tình hình thực hiện nhiệm vụ phát triển kinh tế – xã hội 6 tháng đầu năm 2025",
    ),
    (
        "18/TTr-UBND",
        "Tờ trình",
        WARD,
        CHAIR,
        1,
        D("2025-10-05"),
        D("2025-10-05"),
        None,
        "Đề nghị phê duyệt danh mục công trình đầu tư công năm 2026 của phường",
    ),
    (
        "356/UBND-VP",
        "Công văn",
        WARD,
        VICE,
        2,
        D("2025-08-14"),
        D("2025-08-14"),
        None,
        "Về việc đôn đốc nộp thuế sử dụng đất phi nông nghiệp năm 2025",
    ),
    (
        "412/UBND-ĐCXD",
        "Công văn",
        WARD,
        VICE,
        1,
        D("2025-09-09"),
        D("2025-09-09"),
        None,
        "Về việc rà soát hiện trạng vỉa hè, lòng đường trên các tuyến phố thuộc phường",
    ),
    (
        "09/HD-UBND",
        "Hướng dẫn",
        WARD,
        VICE,
        5,
        D("2025-04-01"),
        D("2025-04-01"),
        None,
        "Phân loại, thu gom rác thải sinh hoạt tại nguồn trên địa bàn phường Tân Lập",
    ),
    (
        "88/QĐ-UBND",
        "Quyết định",
        WARD,
        CHAIR,
        0,
        D("2025-07-01"),
        D("2025-07-01"),
        None,
        "Công bố danh mục thủ tục hành chính tiếp nhận tại Bộ phận Một cửa phường Tân Lập",
    ),
    (
        "95/KH-UBND",
        "Kế hoạch",
        WARD,
        VICE,
        4,
        D("2025-05-06"),
        D("2025-05-06"),
        D("2025-12-31"),
        "Phòng, chống dịch bệnh sốt xuất huyết trên địa bàn phường năm 2025",
    ),
    (
        "301/QĐ-UBND",
        "Quyết định",
        CITY,
        "Phó Chủ tịch Trần Đức Long",
        1,
        D("2024-10-18"),
        D("2024-10-18"),
        None,
        "Phê duyệt quy hoạch chi tiết xây dựng tỷ lệ 1/500 khu dân cư tổ 5, phường Tân Lập",
    ),
    (
        "27/TB-UBND",
        "Thông báo",
        WARD,
        CHAIR,
        0,
        D("2025-05-20"),
        D("2025-05-20"),
        D("2025-06-30"),
        "Tuyển dụng viên chức làm việc tại Trung tâm Phục vụ hành chính công phường năm 2025",
    ),
    (
        "19/2024/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        4,
        D("2024-06-25"),
        D("2024-07-05"),
        None,
        "Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2024–2025",
    ),
    (
        "33/2025/QĐ-UBND",
        "Quyết định",
        PROVINCE,
        P_VICE,
        4,
        D("2025-08-20"),
        D("2025-09-01"),
        None,
        "Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2025–2026 (thay thế Quyết định số 19/2024/QĐ-UBND)",
    ),
    (
        "64/KH-UBND",
        "Kế hoạch",
        WARD,
        VICE,
        6,
        D("2025-03-03"),
        D("2025-03-03"),
        None,
        "Tuyển chọn, gọi công dân nhập ngũ năm 2026 trên địa bàn phường",
    ),
    (
        "150/QĐ-UBND",
        "Quyết định",
        WARD,
        CHAIR,
        3,
        D("2025-11-12"),
        D("2025-11-12"),
        None,
        "Công nhận danh hiệu “Tổ dân phố văn hóa” năm 2025",
    ),
]
# Relative to today, so that these are "not yet in effect" whenever the demo loads:
# (serial, type code, type, body, signer, field, days since issue, days to effect, summary)
UPCOMING = [
    (41, "QĐ-UBND", "Quyết định", PROVINCE, P_VICE, 2, 6, 15,
     "Quy định giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt trên địa bàn tỉnh Thái Nguyên"),
    (7, "NQ-HĐND", "Nghị quyết", PROVINCE_COUNCIL, P_CHAIR_COUNCIL, 3, 10, 25,
     "Quy định chính sách hỗ trợ người cao tuổi không có lương hưu trên địa bàn tỉnh"),
    (52, "QĐ-UBND", "Quyết định", PROVINCE, P_VICE, 1, 3, 40,
     "Quy định hạn mức giao đất ở và công nhận quyền sử dụng đất ở trên địa bàn tỉnh"),
]  # fmt: skip
RELATIONS = [
    ("26/2025/QĐ-UBND", DocumentRelation.Kind.REPLACES, "15/2024/QĐ-UBND"),
    ("33/2025/QĐ-UBND", DocumentRelation.Kind.REPLACES, "19/2024/QĐ-UBND"),
    ("11/2025/QĐ-UBND", DocumentRelation.Kind.AMENDS, "30/2024/QĐ-UBND"),
    ("22/2025/NQ-HĐND", DocumentRelation.Kind.SUPPLEMENTS, "45/2024/NQ-HĐND"),
]


def load(site):
    """Create what is missing of the demo documents and drafts; a line for the log."""
    today = timezone.localdate()
    types = {name: DocumentType.remember(site, name) for name in TYPES}
    for position, name in enumerate(TYPES):
        DocumentType.objects.filter(pk=types[name].pk).update(position=position)
    sectors = [Sector.remember(site, name) for name in SECTORS]
    entries = list(DOCUMENTS)
    for serial, code, kind, body, signer, sector, ago, ahead, summary in UPCOMING:
        issued = today - timedelta(days=ago)
        entries.append(
            (f"{serial}/{issued.year}/{code}", kind, body, signer, sector, issued,
             today + timedelta(days=ahead), None, summary)
        )  # fmt: skip
    created = 0
    for index, entry in enumerate(entries):
        number, kind, body, signer, sector, issued, effective, expires, summary = entry
        if Document.objects.filter(
            site=site, number_key=Document.key_of(number)
        ).exists():
            continue
        document = Document.objects.create(
            site=site,
            number=number,
            document_type=types[kind],
            sector=sectors[sector],
            issuing_body=IssuingBody.remember(site, body),
            signer=Signer.remember(site, signer),
            issue_date=issued,
            effective_date=effective,
            expiry_date=expires,
            summary=summary,
            status=Status.PUBLISHED,
            live=True,
            published_at=timezone.now() - timedelta(minutes=index),
        )
        _attach(document, kind, index)
        created += 1
    for source, kind, target in RELATIONS:
        source, target = (
            Document.objects.get(site=site, number_key=Document.key_of(n))
            for n in (source, target)
        )
        DocumentRelation.objects.get_or_create(source=source, target=target, kind=kind)
    drafts = _drafts(site, today, types, sectors)
    return f"{site.domain}: {created} demo documents and {drafts} drafts created."


def _attach(document, kind, index):
    name = document.number.replace("/", "-")
    lines = [
        "CONG HOA XA HOI CHU NGHIA VIET NAM",
        "Doc lap - Tu do - Hanh phuc",
        "",
        document.issuing_body.name.upper(),
        f"So: {document.number}",
        f"{kind.upper()}",
        document.summary[:90],
        document.summary[90:180],
    ]
    DocumentAttachment.objects.create(
        document=document,
        title="",
        file=ContentFile(
            demo_files.pdf(lines, title=document.number), name=f"{kind} {name}.pdf"
        ),
    )
    if index % 4 == 1:
        DocumentAttachment.objects.create(
            document=document,
            position=1,
            file=ContentFile(
                demo_files.docx([f"{kind} số {document.number}", document.summary]),
                name=f"{kind} {name} (bản Word).docx",
            ),
        )
    if index % 9 == 3:
        annexes = demo_files.archive(
            {
                "Phụ lục I - Danh mục.pdf": demo_files.pdf(["PHU LUC I", "Danh muc"]),
                "Phụ lục II - Biểu mẫu.xlsx": demo_files.xlsx(
                    [["STT", "Nội dung", "Ghi chú"], [1, "Biểu mẫu số 01", ""]]
                ),
            }
        )
        DocumentAttachment.objects.create(
            document=document,
            position=2,
            title="Các phụ lục kèm theo",
            file=ContentFile(annexes, name=f"Phụ lục {name}.zip"),
        )


def _drafts(site, today, types, sectors):
    created = 0
    specs = [
        (
            "Dự thảo Quyết định ban hành Quy chế quản lý, sử dụng nhà văn hóa tổ dân phố trên địa bàn phường Tân Lập",
            today - timedelta(days=10),
            today + timedelta(days=20),
            "",
        ),
        (
            "Dự thảo Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2026–2030 của phường Tân Lập",
            today - timedelta(days=75),
            today - timedelta(days=45),
            "<p>Trong thời gian lấy ý kiến, UBND phường nhận được <strong>3 ý kiến</strong> "
            "của người dân và 2 ý kiến của các tổ dân phố.</p><ul><li>Tiếp thu: đưa tuyến "
            "đường tổ 5 vào danh mục năm 2027.</li><li>Giải trình: hạng mục nhà văn hóa tổ 3 "
            "đã được bố trí vốn từ nguồn xã hội hóa.</li></ul>",
        ),
    ]  # fmt: skip
    for title, opens, closes, report in specs:
        slug = slugify_vi(title)[:200]
        if Draft.objects.filter(site=site, slug=slug).exists():
            continue
        draft = Draft.objects.create(
            site=site,
            title=title,
            slug=slug,
            document_type=types[
                "Quyết định" if "Quyết định" in title else "Nghị quyết"
            ],
            sector=sectors[0 if report == "" else 2],
            drafting_body=IssuingBody.remember(site, WARD),
            summary=title.removeprefix("Dự thảo ").capitalize(),
            body="<p>UBND phường Tân Lập trân trọng đề nghị Nhân dân, các cơ quan, "
            "tổ chức góp ý vào dự thảo; ý kiến xin gửi qua biểu mẫu dưới đây.</p>",
            opens_on=opens,
            closes_on=closes,
            feedback_report=report,
            status=Status.PUBLISHED,
            live=True,
            published_at=timezone.now() - timedelta(days=(today - opens).days),
        )
        DraftAttachment.objects.create(
            draft=draft,
            file=ContentFile(
                demo_files.pdf(["DU THAO", title[:80]]), name="Dự thảo.pdf"
            ),
        )
        DraftAttachment.objects.create(
            draft=draft,
            position=1,
            file=ContentFile(
                demo_files.docx([title, "Điều 1. Phạm vi điều chỉnh"]),
                name="Dự thảo (bản Word).docx",
            ),
        )
        if report:
            for name, clause, content in [
                ("Nguyễn Văn An", "Điều 3", "Đề nghị bổ sung tuyến đường tổ 5 vào danh mục đầu tư."),
                ("Trần Thị Bình", "", "Nhất trí với dự thảo, đề nghị công khai tiến độ từng công trình."),
                ("Lê Văn Cường", "Phụ lục II", "Đề nghị xem xét lại kinh phí nhà văn hóa tổ 3."),
            ]:  # fmt: skip
                Opinion.objects.create(
                    site=site,
                    draft=draft,
                    name=name,
                    email="nguoidan@example.vn",
                    clause=clause,
                    content=content,
                    created_at=timezone.now()
                    - timedelta(days=(today - opens).days - 3),
                    consented_at=timezone.now(),
                )
        created += 1
    return created
