"""The header, menu and footer, rendered once per process for each version of a unit.

They are the same on every page of a unit and were about a fifth of the time
of a page made without the page cache (bench/README.md). Each worker keeps
what it rendered, keyed on the version that portal/page_context stamps on the
unit's data when it reads them into the shared cache: a saved unit, menu or
history drops that entry (page_context.forget), the next request reads new
data with a new version, and every worker renders again. Nothing is kept for
longer than the data it was made from.

This is not the process-local state ARCHITECTURE.md rules out: the shared
cache stays the one source of truth, read on every request, and a copy here
is only ever used for the version that read returned, so two app servers can
never disagree (at worst each renders once).

The version is new for every reading of any unit, so it names the unit too. The
rest of the key is what these templates read besides the unit's data: the
language, the site's name, the script prefix, and the page's address when the
menu marks it (aria-current) — any other page gets the shared copy.
"""

from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import page_context

# Entries are small (a few kB); the dict is cleared when full rather than kept
# in order: versions change every few minutes, so old keys are simply dropped.
MAX_ENTRIES = 500
_rendered = {}


def render(context, template_name):
    """template_name rendered with context, from this process's copy if it has one."""
    request = context.get("request")
    data = page_context.cached_data(request)
    if data is None or "version" not in data:
        return _render(context, template_name)
    path = request.path
    marked = path if path == "/" or path in data["menu_paths"] else ""
    key = (
        template_name,
        request.site.name,
        data["version"],
        get_language(),
        get_script_prefix(),
        marked,
    )
    html = _rendered.get(key)
    if html is None:
        html = _render(context, template_name)
        if len(_rendered) >= MAX_ENTRIES:
            _rendered.clear()
        _rendered[key] = html
    return html


def _render(context, template_name):
    template = context.template.engine.get_template(template_name)
    with context.push():
        return mark_safe(template.render(context))
