"""CSV import of documents from an old portal (admin page and manage.py command)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from documents.models import (
    Document,
    DocumentRelation,
    DocumentType,
    IssuingBody,
    Sector,
    Signer,
)
from portal.csv_import import Importer, parse_date
from portal.workflow import services as workflow


class DocumentImporter(Importer):
    columns = {
        "number": ("Số ký hiệu", True),
        "type": ("Loại văn bản", True),
        "sector": ("Lĩnh vực", False),
        "body": ("Cơ quan ban hành", True),
        "signer": ("Người ký", False),
        "issue_date": ("Ngày ban hành", True),
        "effective_date": ("Ngày hiệu lực", False),
        "expiry_date": ("Ngày hết hiệu lực", False),
        "summary": ("Trích yếu", True),
        "replaces": ("Thay thế văn bản", False),
    }

    def import_row(self, values):
        errors = []
        number = values["number"]
        for key in ("number", "type", "body", "issue_date", "summary"):
            try:
                self.required(values, key)
            except ValidationError as error:
                errors += error.messages
        dates = {}
        for key in ("issue_date", "effective_date", "expiry_date"):
            try:
                dates[key] = parse_date(values[key], self.columns[key][0])
            except ValidationError as error:
                errors += error.messages
        replaced = []
        for other in filter(None, (n.strip() for n in values["replaces"].split(";"))):
            found = Document.objects.filter(
                site=self.site, number_key=Document.key_of(other)
            ).first()
            if found is None:
                errors.append(
                    _("The replaced document %(number)s is not in the library.")
                    % {"number": other}
                )
            replaced.append(found)
        if errors:
            raise ValidationError(errors)
        if Document.objects.filter(
            site=self.site,
            issuing_body__name__iexact=values["body"].strip(),
            number_key=Document.key_of(number),
        ).exists():
            return False, number
        document = Document(
            site=self.site,
            number=number,
            document_type=DocumentType.remember(self.site, values["type"]),
            sector=Sector.remember(self.site, values["sector"]),
            issuing_body=IssuingBody.remember(self.site, values["body"]),
            signer=Signer.remember(self.site, values["signer"]),
            summary=values["summary"],
            **dates,
        )
        document.full_clean()
        try:
            workflow.save_draft(document, user=self.user, request=self.request)
            for other in replaced:
                DocumentRelation.objects.create(
                    source=document, target=other, kind=DocumentRelation.Kind.REPLACES
                )
            if self.options.get("publish"):
                workflow.publish(document, user=self.user, request=self.request)
        except PermissionDenied as error:
            raise ValidationError(str(error)) from None
        return True, f"{number} – {values['summary'][:80]}"
