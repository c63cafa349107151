"""Uploaded files as Django serves them (SERVE_MEDIA), with the headers nginx adds.

deploy/nginx.conf sets the same headers in production. Whatever a file turns out
to hold, a browser neither sniffs it into HTML (nosniff), nor runs script or
loads anything from it (a sandboxed, 'none' policy), nor shows anything but an
image inline. Originals kept for renditions (MEDIA_ROOT/originals/) are not
served at all.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from portal.images import EXTENSIONS, ORIGINALS_PREFIX

INLINE_EXTENSIONS = {*EXTENSIONS.values(), ".jpeg"}
MEDIA_CSP = "default-src 'none'; sandbox"


def media_headers(response, path):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    if PurePosixPath(path).suffix.lower() not in INLINE_EXTENSIONS:
        response["Content-Disposition"] = "attachment"
    return response


def serve_media(request, path):
    if path.lstrip("/").startswith(ORIGINALS_PREFIX):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return media_headers(response, path)
