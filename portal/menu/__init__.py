"""The unit's menu: entries the unit administrator orders, pointing at what apps offer.

The menu model lives here, below every app, and imports none of them. Each app
declares in its AppConfig.ready() what a menu entry may point at:

- a fixed page of the app:
      menu.register("documents", label=_("Documents"), url_name="documents:list")
- or one of its objects, chosen in the admin (a category, a page):
      menu.register("page", label=_("Page"), model=Page,
                    queryset=lambda site: Page.objects.for_site(site).published(),
                    choices=lambda site: Page.objects.for_site(site))

`queryset(site)` is what the public may see (an entry whose object is not in it
is not shown); `choices(site)` what staff may pick (default: `queryset`);
`title(obj)` the entry's label when staff give none (default: str). An app may
also give `default(site) -> [Entry]`: the menu of a unit that has no entries
yet (the news categories do, so nothing changes for such a unit).

Besides registered targets, an entry may be an external link (http/https only)
or a heading for its sub-entries. The menu is read on every page: it is
resolved in a constant number of queries (portal/menu/build.py) and cached per
unit with the unit profile (portal/context_processors.py), dropped from the
cache whenever an entry or an object it may point at changes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

# Reserved target keys: an address typed by staff, and a heading without link.
EXTERNAL = "link"
HEADING = "heading"

_targets = {}


@dataclass(frozen=True)
class MenuTarget:
    key: str
    label: str
    url_name: str = ""  # a fixed page: reversed without arguments
    model: type | None = None  # or one object of this model
    queryset: Callable | None = None  # site -> objects the public may see
    choices: Callable | None = None  # site -> objects staff may choose
    default: Callable | None = None  # site -> [Entry] when the unit has no menu
    order: int = 100
    title: Callable = str  # obj -> the entry's label when staff gave none

    def objects_for_staff(self, site):
        return (self.choices or self.queryset)(site)


@dataclass(frozen=True)
class Entry:
    """One resolved menu entry, as the template shows it (cached, so plain data)."""

    label: str
    url: str = ""  # empty: a heading for its children
    external: bool = False
    children: tuple = field(default_factory=tuple)


def register(
    key,
    *,
    label,
    url_name="",
    model=None,
    queryset=None,
    choices=None,
    default=None,
    order=100,
    title=str,
):
    if key in (EXTERNAL, HEADING) or ":" in key:
        raise ValueError(f"{key!r} cannot name a menu target.")
    if bool(url_name) == bool(model):
        raise ValueError("A menu target is either a url_name or a model.")
    if model is not None and queryset is None:
        raise ValueError("A menu target with a model needs its public queryset.")
    _targets[key] = MenuTarget(
        key, label, url_name, model, queryset, choices, default, order, title
    )
    if model is not None:
        from portal.menu.signals import watch

        watch(model)


def targets():
    return sorted(_targets.values(), key=lambda target: (target.order, target.key))


def target(key):
    return _targets.get(key)
