"""Who in a unit work can be given to (a question to answer…), declared by the app
that knows the unit's organisation.

The organisation app registers a provider in its AppConfig.ready(); an app that
assigns work (questions) offers `choices(site)` and keeps the chosen key and the
name as text. So it never imports the organisation app, and what it recorded
stays true: an official who leaves or a department renamed later does not
rewrite who answered a question years ago.
"""

_providers = []


def register(provider):
    """`provider(site)` answers [(group label, [(key, name), …]), …]."""
    if provider not in _providers:
        _providers.append(provider)


def choices(site):
    """Every provider's groups for `site`, as Django's grouped choices."""
    return [group for provider in _providers for group in provider(site) if group[1]]


def name_for(site, key):
    """The name `key` stands for in `site` today, or '' when it is unknown."""
    for _label, options in choices(site):
        for option_key, name in options:
            if option_key == key:
                return name
    return ""
