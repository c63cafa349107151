from django.db import migrations

# As in portal/roles.py (GROUP_NAMES); a migration keeps its own copy.
GROUP_NAMES = ["Biên tập viên", "Lãnh đạo duyệt", "Quản trị đơn vị"]


def create_groups(apps, schema_editor):
    """The role groups. Their permissions are set after every migrate, from the
    roles registry (portal.roles.sync_after_migrate), once all apps' exist."""
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("workflow", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
