"""Demo work schedule of Phường Tân Lập for the current week (`manage.py load_demo`).

Run again in a later week, it adds that week's schedule; in the same week it
adds nothing (entries are found by day, time and content).
"""

from datetime import time, timedelta

from schedule.models import Entry
from schedule.weeks import Week

CHAIRMAN = "Dương Anh Tuấn - Chủ tịch UBND phường"
VICE = "Lê Thị Minh Phương - Phó Chủ tịch UBND phường"
HALL = "Hội trường UBND phường, 511 Ba Tháng Hai"
MEETING_ROOM = "Phòng họp UBND phường"

# (day of the week from 0 = Monday, start, end, content, chair, participants, place)
WEEK = [
    (
        0,
        time(7, 30),
        time(9, 0),
        "Giao ban Thường trực Đảng ủy, HĐND, UBND phường",
        CHAIRMAN,
        "Thường trực Đảng ủy, HĐND; lãnh đạo UBND phường",
        MEETING_ROOM,
    ),
    (
        0,
        time(14, 0),
        time(17, 0),
        "Tiếp công dân định kỳ",
        CHAIRMAN,
        "Công chức Tư pháp - Hộ tịch, Địa chính - Xây dựng; Công an phường",
        "Phòng tiếp công dân, Bộ phận một cửa",
    ),
    (
        1,
        time(8, 0),
        time(11, 0),
        "Kiểm tra công tác vệ sinh môi trường, trật tự đô thị tại các tổ dân phố",
        VICE,
        "Công chức Địa chính - Xây dựng - Đô thị và Môi trường; tổ trưởng các tổ "
        "dân phố",
        "Các tổ dân phố 5, 7, 12",
    ),
    (
        2,
        None,
        None,
        "Trực lãnh đạo UBND phường",
        VICE,
        "",
        "Trụ sở UBND phường",
    ),
    (
        3,
        time(8, 0),
        time(11, 30),
        "Hội nghị triển khai công tác cải cách hành chính, chuyển đổi số",
        CHAIRMAN,
        "Lãnh đạo UBND phường; công chức chuyên môn; Bộ phận một cửa",
        HALL,
    ),
    (
        4,
        time(14, 0),
        time(16, 30),
        "Họp Ban Chỉ đạo phòng, chống thiên tai và tìm kiếm cứu nạn phường",
        CHAIRMAN,
        "Thành viên Ban Chỉ đạo; Công an phường; Ban Chỉ huy Quân sự phường",
        MEETING_ROOM,
    ),
]


def load(site):
    week = Week.current()
    created = 0
    for day, start, end, content, chair, participants, place in WEEK:
        _, new = Entry.objects.get_or_create(
            site=site,
            date=week.monday + timedelta(days=day),
            start_time=start,
            content=content,
            defaults={
                "end_time": end,
                "chair": chair,
                "participants": participants,
                "place": place,
            },
        )
        created += new
    return f"{site.domain}: {created} demo schedule entries created for the week from {week.monday:%d/%m/%Y}."
