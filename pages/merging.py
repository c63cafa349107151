"""A former unit's pages move to its successor (PagesConfig.ready).

They keep their text and their origin ("Nguồn: …, trước sáp nhập"); a title
the successor already uses gets another address, and the old one redirects.
The successor's own menu is left as it is: its administrator decides whether
the former unit's pages belong in it.
"""

from django.utils.translation import gettext_lazy

from pages.models import Page
from portal import merging


def move_pages(ctx, old_site):
    return merging.move_objects(
        ctx,
        old_site,
        Page.objects.for_site(old_site),
        kind="pages",
        url_name="pages:detail",
    )


def register():
    merging.register(merging.Mover("pages", gettext_lazy("Pages"), move_pages, 60))
