"""Every Site has its unit record (UnitProfile); the first unit is the default.

Sites are made by contrib.sites' own post_migrate handler (example.com on a new
database), by the admin and by scripts; each gets its record here, on creation
or, for sites made through migration-state models, after every migrate.
"""

from django.apps import apps as global_apps


def create_unit_records(*, apps=global_apps, using="default"):
    """A record for every site without one; on a new install, the first is default."""
    Site = apps.get_model("sites", "Site")
    UnitProfile = apps.get_model("portal", "UnitProfile")
    if "is_default" not in {field.name for field in UnitProfile._meta.get_fields()}:
        return  # migrating to a state before the records existed
    first_install = not UnitProfile.objects.using(using).exists()
    missing = Site.objects.using(using).filter(unit_profile__isnull=True).order_by("id")
    UnitProfile.objects.using(using).bulk_create(
        [
            UnitProfile(site=site, is_default=first_install and index == 0)
            for index, site in enumerate(missing)
        ]
    )


def after_migrate(app_config, apps=global_apps, using="default", **kwargs):
    create_unit_records(apps=apps, using=using)
