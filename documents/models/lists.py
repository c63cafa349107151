"""The lists each unit edits: kinds of document, fields, issuing bodies, signers."""

from django.utils.translation import gettext_lazy as _

from portal.unit_lists import UnitList


class DocumentType(UnitList):
    class Meta(UnitList.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")


class Sector(UnitList):
    class Meta(UnitList.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")


class IssuingBody(UnitList):
    class Meta(UnitList.Meta):
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")


class Signer(UnitList):
    class Meta(UnitList.Meta):
        verbose_name = _("signer")
        verbose_name_plural = _("signers")
