"""The CKEditor 5 image upload endpoint: staff only, every image checked by Pillow."""

import uuid
from pathlib import PurePosixPath

from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from imagekit import ImageSpec
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import ResizeToFit

from portal.images import validate_image_file

RENDITION_WIDTHS = (480, 960)


class _Width(ImageSpec):
    format = "JPEG"
    options = {"quality": 82}

    def __init__(self, source, width):
        self.processors = [ResizeToFit(width, width * 4, upscale=False)]
        super().__init__(source)


def _json_error(message, status):
    return JsonResponse({"error": {"message": message}}, status=status)


def store_image(upload, folder=None):
    """Save a checked image and its renditions; answer their URLs by width."""
    folder = folder or f"uploads/{timezone.localdate():%Y/%m}"
    ext = PurePosixPath(upload.name).suffix.lower() or ".jpg"
    name = default_storage.save(f"{folder}/{uuid.uuid4().hex}{ext}", upload)
    urls = {"default": default_storage.url(name)}
    source = default_storage.open(name)
    try:
        for width in RENDITION_WIDTHS:
            rendition = ImageCacheFile(_Width(source, width))
            rendition.generate()
            urls[str(width)] = rendition.url
    finally:
        source.close()
    return urls


@require_POST
@staff_member_required
def upload_image(request):
    upload = request.FILES.get("upload")
    if upload is None:
        return _json_error(_("No file was sent."), 400)
    try:
        validate_image_file(upload)
    except ValidationError as error:
        return _json_error(error.messages[0], 400)
    urls = store_image(upload)
    # CKEditor 5's upload adapter turns "urls" into <img srcset> (only when the
    # answer has no "url" key, which would win).
    return JsonResponse({"urls": urls})
