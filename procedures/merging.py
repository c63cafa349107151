"""Procedures move with the units that publish them (ProceduresConfig.ready).

A procedure's code is national (1.001193 is "Đăng ký khai sinh" everywhere):
when the successor already lists that code, the former unit's copy is not
moved and its old address leads to the successor's.
"""

from django.utils.translation import gettext_lazy

from portal import merging
from procedures.models import Procedure, ProcedureField


def move_procedures(ctx, old_site):
    procedures = Procedure.objects.for_site(old_site).select_related("field")
    duplicates = []
    for procedure in procedures:
        target = ctx.target_for(old_site, "procedure", key=procedure.slug)
        existing = Procedure.objects.filter(site=target, code=procedure.code).first()
        if existing is not None:
            duplicates.append(procedure.pk)
            if procedure.live:
                ctx.moved(
                    old_site,
                    "procedures",
                    procedure.get_absolute_url(),
                    target,
                    existing.get_absolute_url(),
                )
    ctx.count(old_site, "procedures_already_there", len(duplicates))
    return merging.move_objects(
        ctx,
        old_site,
        procedures.exclude(pk__in=duplicates),
        kind="procedures",
        url_name="procedures:detail",
        remap=lambda procedure, target: {
            "field": ProcedureField.remember(target, procedure.field.name)
        },
    )


def register():
    merging.register(
        merging.Mover(
            "procedures", gettext_lazy("Administrative procedures"), move_procedures, 50
        )
    )
    merging.register(
        merging.Mover(
            "procedures_already_there",
            gettext_lazy("Procedures the new unit already listed"),
            lambda ctx, site: 0,
            51,
        )
    )
    merging.register_same_path("procedures:list")
