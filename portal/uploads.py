"""The CKEditor 5 image upload endpoint: staff of the host's unit only.

Every image is checked, then re-encoded by Pillow and stored under the
extension of the format Pillow found (portal/images.py).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from imagekit import ImageSpec
from imagekit.cachefiles import ImageCacheFile
from imagekit.processors import ResizeToFit

from portal.images import reencode, validate_image_file
from portal.tenancy import user_can_manage_site

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
    """Save a checked image, re-encoded, and its renditions; their URLs by width."""
    folder = folder or f"uploads/{timezone.localdate():%Y/%m}"
    clean = reencode(upload)
    name = default_storage.save(f"{folder}/{clean.name}", clean)
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
def upload_image(request):
    if not (request.user.is_authenticated and request.user.is_staff):
        return redirect_to_login(request.get_full_path(), "admin:login")
    # Staff of another unit may not upload through this unit's host.
    if not user_can_manage_site(request.user, request.site):
        return _json_error(_("You may not upload images for this unit."), 403)
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
