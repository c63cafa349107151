"""CSV import of administrative procedures (admin page and manage.py command)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.csv_import import Importer
from portal.text import search_normalize
from portal.workflow import services as workflow
from procedures.models import Level, Procedure, ProcedureField

LEVELS = (
    {search_normalize(str(label)): value for value, label in Level.choices}
    | {search_normalize(value): value for value in Level.values}
    | {"xa": Level.COMMUNE, "phuong": Level.COMMUNE, "cap phuong": Level.COMMUNE}
)


class ProcedureImporter(Importer):
    columns = {
        "code": ("Mã thủ tục", True),
        "name": ("Tên thủ tục", True),
        "field": ("Lĩnh vực", True),
        "level": ("Cấp thực hiện", False),
        "processing_time": ("Thời hạn giải quyết", True),
        "fees": ("Phí, lệ phí", False),
        "papers": ("Thành phần hồ sơ", False),
        "url": ("Đường dẫn Cổng Dịch vụ công", False),
    }

    def import_row(self, values):
        errors = []
        for key in ("code", "name", "field", "processing_time"):
            try:
                self.required(values, key)
            except ValidationError as error:
                errors += error.messages
        level = Level.COMMUNE
        if values["level"]:
            level = LEVELS.get(search_normalize(values["level"]))
            if level is None:
                errors.append(
                    _("Unknown level “%(value)s” (cấp xã, cấp tỉnh…).")
                    % {"value": values["level"]}
                )
        if errors:
            raise ValidationError(errors)
        if Procedure.objects.filter(site=self.site, code=values["code"]).exists():
            return False, values["code"]
        # Papers are listed one per line in a spreadsheet cell.
        papers = "".join(
            f"<li>{escape(line.strip())}</li>"
            for line in values["papers"].splitlines()
            if line.strip()
        )
        procedure = Procedure(
            site=self.site,
            code=values["code"],
            name=values["name"],
            field=ProcedureField.remember(self.site, values["field"]),
            level=level,
            processing_time=values["processing_time"],
            fees=values["fees"] or _("Free of charge"),
            required_papers=f"<ul>{papers}</ul>" if papers else "",
            service_url=values["url"],
        )
        procedure.full_clean()
        try:
            workflow.save_draft(procedure, user=self.user, request=self.request)
            if self.options.get("publish"):
                workflow.publish(procedure, user=self.user, request=self.request)
        except PermissionDenied as error:
            raise ValidationError(str(error)) from None
        return True, f"{values['code']} – {values['name'][:80]}"
