from django import forms
from django.contrib import admin
from django.db.models import Case, F, IntegerField, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portal import menu
from portal.admin_scoping import SiteScopedAdmin
from portal.menu.models import MenuItem


class MenuItemForm(forms.ModelForm):
    """One "opens" choice for every kind of destination, grouped by kind."""

    site = None  # set per request by MenuItemAdmin.get_form

    # Stands for the model's `target` with "page:12" for one object of a kind.
    target = forms.ChoiceField(label=_("opens"))
    # "dichvucong.gov.vn" typed without a scheme becomes https://dichvucong.gov.vn.
    url = MenuItem._meta.get_field("url").formfield(
        assume_scheme="https", widget=forms.URLInput(attrs={"size": 60})
    )

    class Meta:
        model = MenuItem
        fields = ["label", "target", "parent", "position", "visible"]  # + url

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = self._target_choices()
        instance = self.instance
        if instance.pk:
            target = menu.target(instance.target)
            self.initial["target"] = (
                f"{instance.target}:{instance.object_id}"
                if target is not None and target.model is not None
                else instance.target
            )
        parents = MenuItem.objects.for_site(self.site).filter(parent__isnull=True)
        if instance.pk:
            parents = parents.exclude(pk=instance.pk)
        self.fields["parent"].queryset = parents

    def _target_choices(self):
        fixed = [(t.key, t.label) for t in menu.targets() if t.model is None]
        groups = [("", "---------")]
        if fixed:
            groups.append((_("Pages of the portal"), fixed))
        for target in menu.targets():
            if target.model is not None:
                objects = target.objects_for_staff(self.site)
                groups.append(
                    (
                        target.label,
                        [(f"{target.key}:{obj.pk}", str(obj)) for obj in objects],
                    )
                )
        groups.append(
            (
                _("Other"),
                [
                    (menu.EXTERNAL, _("External link (enter its address below)")),
                    (menu.HEADING, _("Heading only, for its sub-entries")),
                ],
            )
        )
        return groups

    def clean_target(self):
        key, _sep, object_id = self.cleaned_data["target"].partition(":")
        self.instance.object_id = int(object_id) if object_id.isdigit() else None
        return key


@admin.register(MenuItem)
class MenuItemAdmin(SiteScopedAdmin):
    form = MenuItemForm
    list_display = ["entry", "opens", "position", "visible"]
    list_display_links = ["entry"]
    list_editable = ["position", "visible"]
    list_per_page = 200

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":  # replaced by the form's own, made the same way
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fields(self, request, obj=None):
        return ["label", "target", "url", "parent", "position", "visible"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"site": request.site})

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent")
            .prefetch_related("content_object")
        )

    def get_ordering(self, request):
        # In menu order: each top entry followed by its sub-entries.
        return [
            Case(
                When(parent__isnull=True, then=F("position")),
                default=F("parent__position"),
                output_field=IntegerField(),
            ).asc(),
            Coalesce("parent_id", "id").asc(),
            F("parent_id").asc(nulls_first=True),
            "position",
            "id",
        ]

    @admin.display(description=_("entry"))
    def entry(self, obj):
        return f"— {obj}" if obj.parent_id else str(obj)

    @admin.display(description=_("opens"))
    def opens(self, obj):
        if obj.target == menu.EXTERNAL:
            return obj.url
        if obj.target == menu.HEADING:
            return _("Heading only, for its sub-entries")
        target = menu.target(obj.target)
        if target is None:
            return obj.target
        if target.model is None:
            return target.label
        if obj.content_object is None:
            return _("%(kind)s (deleted)") % {"kind": target.label}
        return f"{target.label}: {obj.content_object}"
