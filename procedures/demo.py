"""Ten common procedures of a ward, for the demo (idempotent: found by code)."""

from django.utils import timezone

from portal.workflow.models import Status
from procedures.models import Level, Procedure, ProcedureField

PORTAL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html"
    "?ma_thu_tuc={code}"
)
FREE = "Không"
# code, name, field, processing time, fees, papers
PROCEDURES = [
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", FREE,
     ["Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh hoặc văn bản của người làm chứng"]),
    ("1.000894", "Đăng ký kết hôn", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", FREE,
     ["Tờ khai đăng ký kết hôn theo mẫu", "Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác nơi cư trú)"]),
    ("1.000656", "Đăng ký khai tử", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", FREE,
     ["Tờ khai đăng ký khai tử theo mẫu", "Giấy báo tử hoặc giấy tờ thay thế giấy báo tử"]),
    ("1.004873", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "Ngay trong ngày tiếp nhận hồ sơ", "8.000 đồng/bản",
     ["Tờ khai cấp bản sao trích lục hộ tịch theo mẫu"]),
    ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", "Trong ngày làm việc", "2.000 đồng/trang",
     ["Bản chính giấy tờ, văn bản làm cơ sở chứng thực", "Bản sao cần chứng thực"]),
    ("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", "Trong ngày làm việc", "10.000 đồng/trường hợp",
     ["Giấy tờ tùy thân còn giá trị sử dụng", "Giấy tờ, văn bản cần chứng thực chữ ký"]),
    ("1.001699", "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Lao động – Thương binh và Xã hội", "10 ngày làm việc", FREE,
     ["Giấy đề nghị xác nhận theo mẫu"]),
    ("1.010801", "Đăng ký hoạt động tín ngưỡng", "Tôn giáo", "15 ngày", FREE,
     ["Văn bản đăng ký theo mẫu", "Bản kê các hoạt động tín ngưỡng trong năm"]),
    ("1.003596", "Thủ tục hòa giải tranh chấp đất đai", "Đất đai", "45 ngày", FREE,
     ["Đơn yêu cầu hòa giải tranh chấp đất đai"]),
    ("2.000635", "Cấp giấy xác nhận thông tin về cư trú", "Công an – Cư trú", "Không quá 03 ngày làm việc", FREE,
     ["Tờ khai thay đổi thông tin cư trú (CT01)"]),
]  # fmt: skip


def load(site):
    created = 0
    for code, name, field, time, fees, papers in PROCEDURES:
        if Procedure.objects.filter(site=site, code=code).exists():
            continue
        items = "".join(f"<li>{paper}</li>" for paper in papers)
        Procedure.objects.create(
            site=site,
            code=code,
            name=name,
            field=ProcedureField.remember(site, field),
            level=Level.COMMUNE,
            processing_time=time,
            fees=fees,
            required_papers=f"<p>Số lượng hồ sơ: 01 bộ, gồm:</p><ul>{items}</ul>",
            service_url=PORTAL.format(code=code),
            status=Status.PUBLISHED,
            live=True,
            published_at=timezone.now(),
        )
        created += 1
    return f"{site.domain}: {created} demo procedures created."
