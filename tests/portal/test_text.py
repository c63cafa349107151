import unicodedata

import pytest

from portal.text import search_normalize, slugify_vi, unaccent

VOWELS = {
    "a": "aàáảãạăằắẳẵặâầấẩẫậ",
    "e": "eèéẻẽẹêềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọôồốổỗộơờớởỡợ",
    "u": "uùúủũụưừứửữự",
    "y": "yỳýỷỹỵ",
    "d": "dđ",
}


@pytest.mark.parametrize("plain,letters", VOWELS.items())
def test_every_vietnamese_letter_becomes_plain_ascii(plain, letters):
    """Each accented letter, lower and upper case, turns into its base letter."""
    assert slugify_vi(letters) == plain * len(letters)
    assert slugify_vi(letters.upper()) == plain * len(letters)


def test_slug_of_a_real_title():
    assert slugify_vi("ĐẢNG ỦY XÃ VĨNH TẾ") == "dang-uy-xa-vinh-te"


def test_nfc_and_nfd_give_the_same_slug():
    title = "Huyện ủy Thường Tín triển khai công tác xây dựng Đảng năm 2021"
    nfc = unicodedata.normalize("NFC", title)
    nfd = unicodedata.normalize("NFD", title)
    assert nfc != nfd
    assert (
        slugify_vi(nfc)
        == slugify_vi(nfd)
        == ("huyen-uy-thuong-tin-trien-khai-cong-tac-xay-dung-dang-nam-2021")
    )


def test_punctuation_is_dropped_from_slugs():
    assert (
        slugify_vi("Hội nghị (mở rộng) – lần thứ 25!") == "hoi-nghi-mo-rong-lan-thu-25"
    )


def test_unaccent_keeps_case_and_search_lowercases():
    assert unaccent("Đảng ủy") == "Dang uy"
    assert search_normalize("  Đảng   ỦY ") == "dang uy"
