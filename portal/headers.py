"""Response headers every page gets, beyond Django's SecurityMiddleware.

- Content-Security-Policy (django-csp, policy in settings): scripts only from
  the portal's own origin, or inline with the request's nonce
  (`<script nonce="{{ request.csp_nonce }}">`); no 'unsafe-inline' for scripts
  anywhere. The admin also allows inline styles, which CKEditor 5 injects.
- Permissions-Policy: no camera, microphone, position, payment… for any page.

Referrer-Policy and Cross-Origin-Opener-Policy come from SecurityMiddleware
(SECURE_REFERRER_POLICY, SECURE_CROSS_ORIGIN_OPENER_POLICY).
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware

STAFF_PREFIXES = ("/admin/", "/ckeditor5/")
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)


class PortalCSPMiddleware(CSPMiddleware):
    """The settings' policy; on staff pages, inline styles for CKEditor 5 too."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(STAFF_PREFIXES) and parts.update is None:
            parts.update = {"style-src": [UNSAFE_INLINE], "img-src": ["blob:"]}
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
