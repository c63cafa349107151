"""The admin of each unit is at that unit's host and shows only that unit's rows."""

from django.contrib import admin


class SiteScopedAdmin(admin.ModelAdmin):
    """Rows of `request.site` only; new rows are created for it."""

    site_field = "site"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(**{self.site_field: request.site})

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or []), "site"]

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        if self.site_field != "site":
            return form_class
        site = request.site

        class SiteBoundForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.instance.site = site

            def _get_validation_exclusions(self):
                # `site` is not a form field, so Django would skip the unique
                # (site, slug) constraints and let the database raise instead.
                return super()._get_validation_exclusions() - {"site"}

        return SiteBoundForm

    def save_model(self, request, obj, form, change):
        if not change and self.site_field == "site":
            obj.site = request.site
        super().save_model(request, obj, form, change)
