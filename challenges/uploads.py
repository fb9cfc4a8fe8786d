"""Checks on uploaded files: size, and a type sniffed from the content, never from the name.

`validate_upload(file)` returns the detected `FileType` or raises a translated
`ValidationError`. A file whose content is none of the accepted types, or whose extension
claims another type than its content (an HTML page renamed `.pdf`, a PDF renamed `.docx`),
is refused. Shared with the `solutions` app.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}


@dataclass(frozen=True)
class FileType:
    extension: str
    content_type: str
    label: str
    # Images and PDF are shown in the browser; office documents are downloaded.
    inline: bool = False


TYPES = {
    "pdf": FileType("pdf", "application/pdf", "PDF", inline=True),
    "png": FileType("png", "image/png", "PNG", inline=True),
    "jpg": FileType("jpg", "image/jpeg", "JPEG", inline=True),
    "gif": FileType("gif", "image/gif", "GIF", inline=True),
    "webp": FileType("webp", "image/webp", "WebP", inline=True),
    "docx": FileType(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),
    "xlsx": FileType(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Excel (XLSX)",
    ),
    "pptx": FileType(
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "PowerPoint (PPTX)",
    ),
    "odt": FileType("odt", "application/vnd.oasis.opendocument.text", "OpenDocument (ODT)"),
    "ods": FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", "OpenDocument (ODS)"),
}
# Extensions people use for the same type.
EXTENSION_ALIASES = {"jpeg": "jpg", "jpe": "jpg"}
ACCEPT = ",".join(
    sorted({f".{e}" for e in TYPES} | {f".{e}" for e in EXTENSION_ALIASES})
)  # for <input accept=…>
# A member of an office file read to identify it is small; never inflate more than this.
_MAX_MEMBER_BYTES = 512 * 1024


def _zip_type(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                if info.file_size > _MAX_MEMBER_BYTES:
                    return None
                content_types = archive.read(info).decode("utf-8", "replace")
                for marker, extension in OOXML_MAIN.items():
                    if marker in content_types:
                        return extension
                return None
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > 200:
                    return None
                mimetype = archive.read(info).decode("ascii", "replace").strip()
                return ODF_MIMETYPES.get(mimetype)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError):
        return None
    return None


def sniff(file) -> str | None:
    """The extension of the accepted type that the content is, or None."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    kind = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpg"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "gif"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_type(file)
    file.seek(0)
    return kind


def allowed_types_text() -> str:
    return ", ".join(t.label for t in TYPES.values())


def validate_upload(file) -> FileType:
    """Check an uploaded file; return its type or raise a `ValidationError` saying why not."""
    limit = settings.MAX_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("Le fichier « %(name)s » dépasse la taille maximale de %(limit)s.")
            % {"name": file.name, "limit": filesizeformat(limit)},
            code="too_large",
        )
    if file.size == 0:
        raise ValidationError(
            _("Le fichier « %(name)s » est vide.") % {"name": file.name}, code="empty"
        )
    kind = sniff(file)
    if kind is None:
        raise ValidationError(
            _(
                "Le contenu du fichier « %(name)s » n'est pas d'un type accepté "
                "(types acceptés : %(types)s)."
            )
            % {"name": file.name, "types": allowed_types_text()},
            code="bad_type",
        )
    name = file.name or ""
    claimed = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    claimed = EXTENSION_ALIASES.get(claimed, claimed)
    if claimed != kind:
        raise ValidationError(
            _(
                "Le fichier « %(name)s » porte une extension qui ne correspond pas à son "
                "contenu (%(type)s)."
            )
            % {"name": file.name, "type": TYPES[kind].label},
            code="disguised",
        )
    return TYPES[kind]
