"""Strings Django shows staff that its own Vietnamese catalogue leaves in English.

Django 5.2's `vi` catalogues lag behind its English sources (the theme toggle,
the breadcrumbs and sidebar labels, the password forms, the app names "Sites"
and "Sessions", a few form errors…). Marking the msgids here puts them into
our catalogue (locale/vi), which Django reads before its own, so `make messages`
keeps them and translators see them beside ours. Nothing imports this module:
it exists to be extracted. tests/portal/test_admin_vietnamese.py walks the pages
staff use and fails on any of Django's untranslated strings left visible.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

ADMIN = [
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop(
        "After you’ve created a user, you’ll be able to edit more user options."
    ),
    gettext_noop("Error:"),
    gettext_noop("Set password"),
    gettext_noop(
        "This action will <strong>enable</strong> password-based authentication "
        "for this user."
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Skip to main content"),
    gettext_noop("Hide counts"),
    gettext_noop("Show counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Sidebar"),
    gettext_noop("Filter navigation items"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("In case you’ve forgotten, you are:"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Models in the %(name)s application"),
    ngettext_lazy(
        "Please correct the error below.", "Please correct the errors below.", 1
    ),
    ngettext_lazy("entry", "entries", 1),
]

AUTH = [
    gettext_noop("Conflicting form data submitted. Please try again."),
    gettext_noop("Password-based authentication was disabled."),
    gettext_noop("Set password: %s"),
    gettext_noop("Reset password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. "
        "If disabled, they may still be able to authenticate using other backends, "
        "such as Single Sign-On or LDAP."
    ),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop(
        "Raw passwords are not stored, so there is no way to see the user’s password."
    ),
    gettext_noop(
        "Enable password-based authentication for this user by setting a password."
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        1,
    ),
    gettext_noop(
        "Enter a valid username. This value may contain only unaccented lowercase "
        "a-z and uppercase A-Z letters, numbers, and @/./+/-/_ characters."
    ),
    gettext_noop("Sites"),
    gettext_noop("Sessions"),
    gettext_noop("Messages"),
]

# Form and model errors staff can meet in the admin.
CORE = [
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Enter a valid domain name."),
    gettext_noop(
        "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
    ),
    gettext_noop("Null characters are not allowed."),
    gettext_noop("Constraint “%(name)s” is violated."),
    gettext_noop("Enter a complete value."),
    gettext_noop("Value must be valid JSON."),
    gettext_noop("Enter a valid JSON."),
    gettext_noop("Date out of range"),
    gettext_noop(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: "
        "%(allowed_extensions)s."
    ),
    gettext_noop(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; "
        "it may be ambiguous or it may not exist."
    ),
    gettext_noop("Forbidden"),
    gettext_noop("CSRF verification failed. Request aborted."),
    pgettext_lazy("String to return when truncating text", "%(truncated_text)s…"),
]

# django-axes (login lockouts, admin → "Khoá đăng nhập"): no Vietnamese of its own.
AXES = [
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Access lock out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("Logout Time"),
]
