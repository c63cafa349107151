"""Demo organisation of Phường Tân Lập (seed 003), loaded by `manage.py load_demo`.

The chairman and his contacts are the seed's footer; the other names, phone
numbers and addresses are invented for the demonstration.
"""

from organisation.models import Department, Official, OrganisationProfile, Position

PROFILE = {
    "name_en": "People's Committee of Tan Lap Ward, Thai Nguyen City",
    "address_en": (
        "511 Ba Thang Hai Street, Tan Lap Ward, Thai Nguyen City, Thai Nguyen Province"
    ),
    "fax": "0208 3855 200",
}

# (name, English name, parent, functions and duties)
DEPARTMENTS = [
    ("Đảng ủy phường", "Party Committee of the Ward", None, ""),
    ("Hội đồng nhân dân phường", "Ward People's Council", None, ""),
    (
        "Ủy ban nhân dân phường",
        "Ward People's Committee",
        None,
        "Cơ quan hành chính nhà nước ở phường, tổ chức thi hành Hiến pháp, pháp "
        "luật và nghị quyết của Hội đồng nhân dân phường.",
    ),
    (
        "Văn phòng HĐND-UBND",
        "Office of the People's Council and People's Committee",
        "Ủy ban nhân dân phường",
        "Tham mưu, tổng hợp; tiếp nhận và trả kết quả thủ tục hành chính.",
    ),
    ("Công an phường", "Ward Police", "Ủy ban nhân dân phường", ""),
    (
        "Ban Chỉ huy Quân sự phường",
        "Ward Military Command",
        "Ủy ban nhân dân phường",
        "",
    ),
    ("Tư pháp - Hộ tịch", "Justice and Civil Status", "Ủy ban nhân dân phường", ""),
    (
        "Địa chính - Xây dựng - Đô thị và Môi trường",
        "Land Administration, Construction, Urban Affairs and Environment",
        "Ủy ban nhân dân phường",
        "",
    ),
    ("Văn hóa - Xã hội", "Culture and Social Affairs", "Ủy ban nhân dân phường", ""),
    ("Tài chính - Kế toán", "Finance and Accounting", "Ủy ban nhân dân phường", ""),
    (
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        "Vietnam Fatherland Front Committee of the Ward",
        None,
        "",
    ),
]

POSITIONS = [
    ("Bí thư Đảng ủy phường", "Secretary of the Ward Party Committee"),
    ("Phó Bí thư Thường trực Đảng ủy phường", "Standing Deputy Party Secretary"),
    ("Chủ tịch HĐND phường", "Chairman of the Ward People's Council"),
    ("Chủ tịch UBND phường", "Chairman of the Ward People's Committee"),
    ("Phó Chủ tịch UBND phường", "Vice Chairman of the Ward People's Committee"),
    (
        "Chủ tịch Ủy ban MTTQ Việt Nam phường",
        "Chairwoman of the Fatherland Front Committee",
    ),
    ("Trưởng Công an phường", "Chief of the Ward Police"),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự phường", "Commander of the Ward Military"),
    ("Công chức Văn phòng - Thống kê", "Office and Statistics Officer"),
    ("Công chức Tư pháp - Hộ tịch", "Justice and Civil Status Officer"),
    (
        "Công chức Địa chính - Xây dựng - Đô thị và Môi trường",
        "Land Administration and Construction Officer",
    ),
    ("Công chức Văn hóa - Xã hội", "Culture and Social Affairs Officer"),
    ("Công chức Tài chính - Kế toán", "Finance and Accounting Officer"),
]

# (name, position, department, phone, e-mail, flags)
OFFICIALS = [
    ("Nguyễn Văn Hùng", "Bí thư Đảng ủy phường", "Đảng ủy phường", "", "", ""),
    (
        "Trần Thị Thu Hà",
        "Phó Bí thư Thường trực Đảng ủy phường",
        "Đảng ủy phường",
        "0208 3855 101",
        "",
        "",
    ),
    (
        "Hoàng Văn Minh",
        "Chủ tịch HĐND phường",
        "Hội đồng nhân dân phường",
        "0208 3855 102",
        "",
        "",
    ),
    (
        "Dương Anh Tuấn",
        "Chủ tịch UBND phường",
        "Ủy ban nhân dân phường",
        "0914.266.628",
        "datuan.tnmt@gmail.com",
        "spokesperson",
    ),
    (
        "Lê Thị Minh Phương",
        "Phó Chủ tịch UBND phường",
        "Ủy ban nhân dân phường",
        "0208 3855 104",
        "",
        "",
    ),
    (
        "Đỗ Quang Huy",
        "Phó Chủ tịch UBND phường",
        "Ủy ban nhân dân phường",
        "0208 3855 105",
        "",
        "",
    ),
    (
        "Nguyễn Thị Hồng Nhung",
        "Công chức Văn phòng - Thống kê",
        "Văn phòng HĐND-UBND",
        "0208 3855 110",
        "vanphong.tanlap@thainguyen.gov.vn",
        "contact",
    ),
    (
        "Ngô Đức Thắng",
        "Trưởng Công an phường",
        "Công an phường",
        "0208 3855 113",
        "",
        "",
    ),
    (
        "Vũ Văn Cường",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự phường",
        "Ban Chỉ huy Quân sự phường",
        "0208 3855 114",
        "",
        "",
    ),
    (
        "Đào Thị Thanh Huyền",
        "Công chức Tư pháp - Hộ tịch",
        "Tư pháp - Hộ tịch",
        "0208 3855 115",
        "tuphap.tanlap@thainguyen.gov.vn",
        "",
    ),
    (
        "Lương Văn Tùng",
        "Công chức Địa chính - Xây dựng - Đô thị và Môi trường",
        "Địa chính - Xây dựng - Đô thị và Môi trường",
        "0208 3855 116",
        "diachinh.tanlap@thainguyen.gov.vn",
        "",
    ),
    (
        "Bùi Thị Ngọc Anh",
        "Công chức Văn hóa - Xã hội",
        "Văn hóa - Xã hội",
        "0208 3855 117",
        "vhxh.tanlap@thainguyen.gov.vn",
        "",
    ),
    (
        "Trịnh Thị Mai",
        "Công chức Tài chính - Kế toán",
        "Tài chính - Kế toán",
        "0208 3855 118",
        "",
        "",
    ),
    (
        "Phạm Thị Lan",
        "Chủ tịch Ủy ban MTTQ Việt Nam phường",
        "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
        "0208 3855 120",
        "",
        "",
    ),
]


def load(site):
    """Create what is missing; rows are found by their names (idempotent)."""
    OrganisationProfile.objects.get_or_create(site=site, defaults=PROFILE)
    departments = {}
    for order, (name, name_en, parent, duties) in enumerate(DEPARTMENTS, start=1):
        departments[name], _ = Department.objects.get_or_create(
            site=site,
            name=name,
            defaults={
                "name_en": name_en,
                "parent": departments.get(parent),
                "duties": duties,
                "position": order,
            },
        )
    positions = {}
    for order, (name, name_en) in enumerate(POSITIONS, start=1):
        positions[name], _ = Position.objects.get_or_create(
            site=site, name=name, defaults={"name_en": name_en, "position": order}
        )
    created = 0
    for order, (name, position, department, phone, email, flags) in enumerate(
        OFFICIALS, start=1
    ):
        _, new = Official.objects.get_or_create(
            site=site,
            name=name,
            defaults={
                "position": positions[position],
                "department": departments[department],
                "phone": phone,
                "email": email,
                "order": order,
                "is_spokesperson": flags == "spokesperson",
                "is_contact_officer": flags == "contact",
            },
        )
        created += new
    return f"{site.domain}: {created} demo officials created, {len(OFFICIALS) - created} already there."
