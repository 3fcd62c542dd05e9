"""Setting a year's targets: each measure's target is added, changed or removed in one
transaction, and every change is written to the target's history. Two people saving
the same year at once cannot make a target twice: the database holds one per year and
measure, and `get_or_create` takes the other's row when it came first."""

from django.db import transaction
from wagtail.log_actions import log

from .models import Target


@transaction.atomic
def set_year_targets(year, values, user) -> int:
    """`values` maps each measure to its target, or None for none. Returns the
    number of targets changed."""
    existing = {
        target.measure: target
        for target in Target.objects.select_for_update().filter(year=year, measure__in=values)
    }
    changed = 0
    for measure, value in values.items():
        target = existing.get(measure)
        if value is None:
            if target is not None:
                log(target, "wagtail.delete", user=user)
                target.delete()
                changed += 1
            continue
        if target is None:
            target, created = Target.objects.get_or_create(
                year=year, measure=measure, defaults={"value": value}
            )
            if created:
                log(target, "wagtail.create", user=user)
                changed += 1
                continue
        if target.value != value:
            old = target.value
            target.value = value
            target.save(update_fields=["value"])
            log(target, "wagtail.edit", user=user, data={"from": old, "to": value})
            changed += 1
    return changed
