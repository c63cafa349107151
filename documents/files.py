"""Attachments of documents and drafts: checked by their bytes, served as downloads.

The kind of a file is read from its content, never from its name or from the
Content-Type the browser sent. `filetype` reads the signature at the start
(PDF, OLE2 for old Word/Excel, ZIP); then the container itself is opened,
because DOCX, XLSX, ODT, ODS and a plain ZIP all start with the same "PK"
bytes and old DOC and XLS share the OLE2 header:

- OpenDocument: the first entry is "mimetype", whose text names the kind;
- Office Open XML: "[Content_Types].xml" declares the main part's type;
- anything else that is a valid ZIP is an archive of annexes;
- OLE2: a "WordDocument" stream is Word, a "Workbook"/"Book" stream Excel.

The name's extension must agree with what the bytes are, so a citizen never
downloads a "quyet-dinh.docx" that is really a PDF. Files are stored under a
generated name with the right extension and served with
`Content-Disposition: attachment` and the original (Vietnamese) name.
"""

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

import filetype
import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.text import unaccent


@dataclass(frozen=True)
class Kind:
    code: str  # also the stored extension
    label: str  # what the page shows: "PDF", "DOCX"…
    mime: str
    extensions: tuple  # names a person may give it


KINDS = {
    kind.code: kind
    for kind in (
        Kind("pdf", "PDF", "application/pdf", ("pdf",)),
        Kind("doc", "DOC", "application/msword", ("doc",)),
        Kind(
            "docx",
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ("docx",),
        ),
        Kind("xls", "XLS", "application/vnd.ms-excel", ("xls",)),
        Kind(
            "xlsx",
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ("xlsx",),
        ),
        Kind("odt", "ODT", "application/vnd.oasis.opendocument.text", ("odt",)),
        Kind("ods", "ODS", "application/vnd.oasis.opendocument.spreadsheet", ("ods",)),
        Kind("zip", "ZIP", "application/zip", ("zip",)),
    )
}
KIND_CHOICES = [(kind.code, kind.label) for kind in KINDS.values()]
ACCEPT = ",".join(f".{ext}" for kind in KINDS.values() for ext in kind.extensions)
ACCEPTED_TEXT = gettext_lazy(
    "PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS) or ZIP"
)

_OOXML_MAIN = {
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
}
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Inside a ZIP of annexes: programs and pages that would run when opened.
_RUNNABLE = {
    "exe", "com", "bat", "cmd", "scr", "msi", "dll", "js", "jse", "vbs", "vbe",
    "wsf", "ps1", "jar", "sh", "lnk", "hta", "html", "htm", "svg", "xhtml",
}  # fmt: skip
_HEAD = 8192
_CONTENT_TYPES_LIMIT = 1024 * 1024


def max_bytes():
    return settings.DOCUMENT_ATTACHMENT_MAX_BYTES


def human_size(size):
    """'1,2 MB', '350 KB' (Vietnamese decimal comma)."""
    if size >= 1024 * 1024:
        return f"{number_format(round(size / (1024 * 1024), 1), 1)} MB"
    return f"{number_format(max(1, round(size / 1024)), 0)} KB"


def _refuse(message, code, **values):
    raise ValidationError(message % values if values else message, code=code)


def detect(file):
    """The Kind of `file` by its bytes, or ValidationError (in Vietnamese)."""
    file.seek(0)
    head = file.read(_HEAD)
    file.seek(0)
    guess = filetype.guess(head) if head else None
    name = getattr(guess, "extension", None)
    if name == "pdf":
        return KINDS["pdf"]
    if head[:4] == b"PK\x03\x04":
        return KINDS[_zip_kind(file)]
    if head[:8] == olefile.MAGIC:
        return KINDS[_ole_kind(file)]
    if head.lstrip()[:1] == b"<" or name in ("html", "xml", "svg"):
        _refuse(_("This is a web page or an image (HTML/SVG), not a document."), "html")
    _refuse(
        _("This kind of file is not accepted; please send %(accepted)s."),
        "kind",
        accepted=ACCEPTED_TEXT,
    )


def _zip_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype":
                mimetype = archive.read("mimetype").strip()
                if mimetype in _ODF_MIMETYPES and "content.xml" in names:
                    return _ODF_MIMETYPES[mimetype]
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size <= _CONTENT_TYPES_LIMIT:
                    declared = archive.read(info)
                    for main, code in _OOXML_MAIN.items():
                        if main in declared:
                            return code
                _refuse(
                    _(
                        "This Office file is not a Word or Excel document (or it "
                        "contains macros); please save it as DOCX, XLSX or PDF."
                    ),
                    "office",
                )
            runnable = sorted(name for name in names if _extension(name) in _RUNNABLE)
            if runnable:
                _refuse(
                    _("The ZIP file contains programs or web pages: %(names)s."),
                    "zip_runnable",
                    names=", ".join(runnable[:3]),
                )
            return "zip"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError):
        _refuse(_("The ZIP file is damaged and cannot be opened."), "damaged")
    finally:
        file.seek(0)


def _ole_kind(file):
    try:
        with olefile.OleFileIO(file) as ole:
            if ole.exists("EncryptedPackage"):
                _refuse(
                    _("The file is protected by a password; please remove it."),
                    "encrypted",
                )
            if ole.exists("WordDocument"):
                return "doc"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "xls"
    except ValidationError:
        raise
    except Exception:  # olefile raises many types for a damaged file
        _refuse(_("The file is damaged and cannot be opened."), "damaged")
    finally:
        file.seek(0)
    _refuse(
        _("This old Office file is neither a Word nor an Excel document."), "office"
    )


def _extension(name):
    return PurePosixPath(name).suffix.lower().lstrip(".")


def check_attachment(upload):
    """Validate an uploaded attachment; answer its Kind."""
    if upload.size > max_bytes():
        _refuse(
            _("The file is too big (%(size)s); the limit is %(limit)s."),
            "too_big",
            size=human_size(upload.size),
            limit=human_size(max_bytes()),
        )
    if upload.size == 0:
        _refuse(_("The file is empty."), "empty")
    kind = detect(upload)
    extension = _extension(upload.name)
    if extension not in kind.extensions:
        _refuse(
            _(
                "“%(name)s” is named .%(extension)s but it is a %(kind)s file; "
                "rename it to .%(right)s and send it again."
            ),
            "mismatch",
            name=upload.name,
            extension=extension or "?",
            kind=kind.label,
            right=kind.code,
        )
    return kind


def upload_to(instance, filename):
    """A generated name with the detected extension; the original name is kept apart."""
    return f"van-ban/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{instance.kind}"


def content_disposition(filename):
    """RFC 6266: an ASCII fallback for old clients, the UTF-8 name for the others."""
    fallback = unaccent(filename).encode("ascii", "ignore").decode()
    fallback = "".join(ch if ch.isalnum() or ch in "._- ()" else "_" for ch in fallback)
    return (
        f'attachment; filename="{fallback or "tep"}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )


def download_response(attachment):
    """The stored file as a download, typed by its checked kind, never inline."""
    kind = KINDS[attachment.kind]
    response = FileResponse(attachment.file.open("rb"), content_type=kind.mime)
    response["Content-Disposition"] = content_disposition(attachment.original_name)
    # Even if a browser ignored the above, nothing in the file may run here.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response
