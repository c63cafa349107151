"""Permission names in Vietnamese, as staff read them in the user admin.

Django stores "Can add article" in the database when it creates a model's
default permissions, in English whatever the language. After auth creates the
permissions of an app (on post_migrate, for each app), their four default
names are rewritten from the model's Vietnamese verbose name, so the user and
group forms list "Được thêm bài viết"; so are the names in Meta.permissions.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

ACTIONS = {
    "add": gettext_noop("Can add %(model)s"),
    "change": gettext_noop("Can change %(model)s"),
    "delete": gettext_noop("Can delete %(model)s"),
    "view": gettext_noop("Can view %(model)s"),
}


def default_permission_names(app_config, using="default", **kwargs):
    models = list(app_config.get_models())
    if not models:
        return
    types = ContentType.objects.db_manager(using).get_for_models(*models)
    changed = []
    with translation.override("vi"):
        wanted = {
            (types[model].pk, f"{action}_{model._meta.model_name}"): gettext(text)
            % {"model": model._meta.verbose_name}
            for model in models
            for action, text in ACTIONS.items()
        }
        # Meta.permissions names are lazy translations, stored in English too.
        wanted.update(
            {
                (types[model].pk, codename): str(name)
                for model in models
                for codename, name in model._meta.permissions
            }
        )
        for permission in Permission.objects.using(using).filter(
            content_type__in=types.values()
        ):
            name = wanted.get((permission.content_type_id, permission.codename))
            if name and permission.name != name[:255]:
                permission.name = name[:255]
                changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"])
