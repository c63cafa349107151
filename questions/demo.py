"""Demo questions and answers of Phường Tân Lập, loaded by `manage.py load_demo`.

The askers are invented and gave no contacts, so no e-mail is ever sent from
the demo. Answers cite the legal texts a ward's staff would cite.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

from portal.text import slugify_vi
from questions.models import Question, Topic

TOPICS = ["Hộ tịch", "Cư trú", "Chính sách xã hội", "Đất đai - Xây dựng"]

QUESTIONS = [
    {
        "topic": "Hộ tịch",
        "title": "Đăng ký khai sinh cho con khi cha mẹ chưa đăng ký kết hôn",
        "asker": "Nguyễn Thị Hằng",
        "days_ago": 3,
        "question": (
            "Tôi và chồng sống chung nhưng chưa đăng ký kết hôn, con chúng tôi vừa "
            "sinh được 20 ngày. Xin hỏi đăng ký khai sinh cho cháu có ghi tên bố "
            "được không và cần những giấy tờ gì?"
        ),
        "answer": [
            "Theo Điều 15 Nghị định số 123/2015/NĐ-CP, khi đăng ký khai sinh cho "
            "con mà cha, mẹ chưa đăng ký kết hôn, nếu người cha yêu cầu nhận con "
            "thì Ủy ban nhân dân phường kết hợp giải quyết việc nhận cha, con và "
            "đăng ký khai sinh; phần khai về người cha được ghi vào Giấy khai sinh.",
            "Hồ sơ gồm: Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, "
            "con theo mẫu; Giấy chứng sinh của cháu; chứng cứ chứng minh quan hệ "
            "cha, con (văn bản của cơ quan y tế, giám định hoặc văn bản có xác nhận "
            "của ít nhất hai người làm chứng). Khi đến làm thủ tục, cha và mẹ mang "
            "theo căn cước của mình.",
            "Thời hạn đăng ký khai sinh là 60 ngày kể từ ngày sinh (Điều 15 Luật "
            "Hộ tịch năm 2014). Hồ sơ nộp tại Bộ phận tiếp nhận và trả kết quả của "
            "UBND phường hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.",
        ],
        "answered_by": "Công chức Tư pháp - Hộ tịch, UBND phường Tân Lập",
    },
    {
        "topic": "Cư trú",
        "title": "Thủ tục đăng ký thường trú khi mua nhà trên địa bàn phường",
        "asker": "Trần Văn Long",
        "days_ago": 9,
        "question": (
            "Gia đình tôi vừa mua một căn nhà ở tổ 12 phường Tân Lập và đã được "
            "cấp giấy chứng nhận. Xin hỏi thủ tục đăng ký thường trú cho cả gia "
            "đình như thế nào?"
        ),
        "answer": [
            "Theo khoản 1 Điều 20 Luật Cư trú năm 2020, công dân có chỗ ở hợp pháp "
            "thuộc quyền sở hữu của mình thì được đăng ký thường trú tại chỗ ở đó.",
            "Hồ sơ gồm Tờ khai thay đổi thông tin cư trú (mẫu CT01) và giấy tờ "
            "chứng minh chỗ ở hợp pháp (giấy chứng nhận quyền sử dụng đất, quyền "
            "sở hữu nhà ở). Ông nộp hồ sơ tại Công an phường hoặc trực tuyến trên "
            "Cổng Dịch vụ công quốc gia; thời hạn giải quyết không quá 07 ngày làm "
            "việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
        ],
        "answered_by": "Công an phường Tân Lập",
    },
    {
        "topic": "Chính sách xã hội",
        "title": "Trợ cấp xã hội hằng tháng cho người từ đủ 80 tuổi",
        "asker": "Lê Thị Thanh",
        "days_ago": 16,
        "question": (
            "Mẹ tôi năm nay tròn 80 tuổi, không có lương hưu. Xin hỏi mẹ tôi có "
            "được hưởng trợ cấp hằng tháng không, làm hồ sơ ở đâu?"
        ),
        "answer": [
            "Theo Nghị định số 20/2021/NĐ-CP (sửa đổi, bổ sung bởi Nghị định số "
            "76/2024/NĐ-CP), người từ đủ 80 tuổi trở lên không có lương hưu hoặc "
            "trợ cấp bảo hiểm xã hội hằng tháng thuộc diện hưởng trợ cấp xã hội "
            "hằng tháng, với hệ số 1,5 so với mức chuẩn trợ giúp xã hội.",
            "Gia đình nộp Tờ khai đề nghị trợ giúp xã hội (mẫu số 1a) tại Bộ phận "
            "tiếp nhận và trả kết quả của UBND phường. Công chức Văn hóa - Xã hội "
            "sẽ hướng dẫn thêm khi gia đình đến nộp hồ sơ.",
        ],
        "answered_by": "Công chức Văn hóa - Xã hội, UBND phường Tân Lập",
    },
    {
        "topic": "Đất đai - Xây dựng",
        "title": "Sửa chữa nhà ở có phải xin giấy phép xây dựng không?",
        "asker": "Phạm Quốc Toản",
        "days_ago": 24,
        "question": (
            "Tôi muốn lát lại nền, thay mái tôn và sơn lại nhà cấp 4 của gia đình. "
            "Việc này có phải xin giấy phép xây dựng không?"
        ),
        "answer": [
            "Theo điểm h khoản 2 Điều 89 Luật Xây dựng năm 2014 (sửa đổi năm "
            "2020), việc sửa chữa, cải tạo bên trong công trình, hoặc sửa chữa mặt "
            "ngoài không tiếp giáp với đường trong đô thị có yêu cầu về quản lý "
            "kiến trúc, mà không làm thay đổi công năng sử dụng, kết cấu chịu lực "
            "và bảo đảm an toàn, thì được miễn giấy phép xây dựng.",
            "Như vậy việc lát nền, thay mái tôn và sơn lại nhà nói chung không "
            "phải xin phép. Ông nên thông báo với tổ dân phố và bảo đảm vệ sinh "
            "môi trường trong thời gian thi công.",
        ],
        "answered_by": (
            "Công chức Địa chính - Xây dựng - Đô thị và Môi trường, UBND phường"
        ),
    },
]


def load(site):
    """Create what is missing; questions are found by their slug (idempotent)."""
    topics = {}
    for order, name in enumerate(TOPICS, start=1):
        topics[name], _ = Topic.objects.get_or_create(
            site=site, slug=slugify_vi(name), defaults={"name": name, "position": order}
        )
    now = timezone.now()
    created = 0
    for entry in QUESTIONS:
        slug = slugify_vi(entry["title"])
        if Question.objects.filter(site=site, slug=slug).exists():
            continue
        asked = now - timedelta(days=entry["days_ago"] + 2)
        answered = now - timedelta(days=entry["days_ago"])
        question = Question.objects.create(
            site=site,
            slug=slug,
            topic=topics[entry["topic"]],
            title=entry["title"],
            question=entry["question"],
            answer="".join(f"<p>{escape(text)}</p>" for text in entry["answer"]),
            answered_by=entry["answered_by"],
            asker_name=entry["asker"],
            consented_at=asked,
            status=Question.Status.PUBLISHED,
            live=True,
            published_at=answered,
            answered_at=answered,
            notified_at=answered,
        )
        # created_at is set on insert; the demo backdates it to when it was asked.
        Question.objects.filter(pk=question.pk).update(created_at=asked)
        created += 1
    return f"{site.domain}: {created} demo questions created, {len(QUESTIONS) - created} already there."
