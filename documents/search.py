"""What makes "qd-ubnd 15" and "quyết định 15" both find "15/2024/QĐ-UBND".

A document's number and symbol ("số, ký hiệu") is written with the
abbreviations of Decree 30/2020/NĐ-CP (Appendix III): QĐ for quyết định, NQ for
nghị quyết, UBND for ủy ban nhân dân… People search with either. So the search
column holds both forms: every abbreviation found in the document gets its
words beside it, and every phrase found gets its abbreviation. The query stays
plain; PostgreSQL's "simple" full-text search ANDs its words.

Punctuation is cut out on both sides ("15/2024/QĐ-UBND" → "15 2024 qd ubnd"),
so PostgreSQL's parser never reads a symbol as a file path or a hyphenated word.
"""

import re

from portal.text import search_normalize

# Abbreviation (as written, unaccented, lower case) → the words it stands for.
ABBREVIATIONS = {
    # Kinds of documents (Decree 30/2020/NĐ-CP, Appendix III).
    "nq": "nghi quyet",
    "qd": "quyet dinh",
    "ct": "chi thi",
    "qc": "quy che",
    "qyd": "quy dinh",
    "tc": "thong cao",
    "tb": "thong bao",
    "hd": "huong dan",
    "ctr": "chuong trinh",
    "kh": "ke hoach",
    "pa": "phuong an",
    "da": "de an",
    "bc": "bao cao",
    "bb": "bien ban",
    "ttr": "to trinh",
    "cd": "cong dien",
    "gm": "giay moi",
    "ggt": "giay gioi thieu",
    "guq": "giay uy quyen",
    "cv": "cong van",
    "nd": "nghi dinh",
    "tt": "thong tu",
    "ttlt": "thong tu lien tich",
    "l": "luat",
    # Issuing bodies.
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "cp": "chinh phu",
    "ttg": "thu tuong",
    "qh": "quoc hoi",
    "ubtvqh": "uy ban thuong vu quoc hoi",
    "tu": "trung uong",
    "vp": "van phong",
    "du": "dang uy",
    "mttq": "mat tran to quoc",
    "btc": "bo tai chinh",
    "bnv": "bo noi vu",
    "btp": "bo tu phap",
}
# Single letters and two-letter words that are also ordinary words ("da" is "đã",
# "tu" is "từ") are expanded only when they come from a number and symbol.
_AMBIGUOUS = {"l", "da", "tu", "hd", "cd", "ct", "tt", "tc"}
_PHRASES = {
    words: abbreviation
    for abbreviation, words in ABBREVIATIONS.items()
    if abbreviation not in _AMBIGUOUS
}
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def words_of(text):
    """'15/2024/QĐ-UBND' → ['15', '2024', 'qd', 'ubnd']."""
    return _NOT_WORD.sub(" ", search_normalize(text)).split()


def query_words(query):
    """The words of a visitor's query, as the search column has them."""
    return " ".join(words_of(query))


def expand_symbol(number):
    """A number and symbol's words with each abbreviation spelled out."""
    words = words_of(number)
    spelled = [ABBREVIATIONS[word] for word in words if word in ABBREVIATIONS]
    return " ".join([*words, *spelled])


def expand_text(text):
    """Free text's words, plus the other form of each known phrase or abbreviation."""
    words = words_of(text)
    padded = f" {' '.join(words)} "
    found = [abbr for phrase, abbr in _PHRASES.items() if f" {phrase} " in padded]
    spelled = [
        ABBREVIATIONS[word]
        for word in words
        if word in ABBREVIATIONS and word not in _AMBIGUOUS
    ]
    return " ".join([*words, *found, *spelled])


def search_text(*, number, texts=()):
    """The search column of a document: its symbol expanded, then its texts."""
    return " ".join([expand_symbol(number), *(expand_text(text) for text in texts)])
