"""The rule for reports ("meldingen"): visitors report a comment or an initiative,
enough independent reports hide it, and an editor decides.

Apps register what may be reported (`register`, in their AppConfig.ready) and say
how to hide, show again and remove an item of theirs and which kind of content its
pages show (portal/content_versions.py); this module says when. A report is counted
under the item's row lock, so reports of one item arrive one after the other: the
one that reaches the threshold (`SiteSettings.reports_to_hide`) hides the item in
its own transaction, exactly once, however many arrive at the same moment.

One visitor counts once per item. A report keeps `reporter_key`, a keyed hash
(HMAC with a key derived from SECRET_KEY) of the visitor's IP address together with
the item, and the database's unique constraint on (item, reporter_key) turns a
second report by the same visitor into one that is thanked but not counted. It does
not identify anybody: the public site never shows reports, counts or keys; without
SECRET_KEY the hash cannot be traced back to an address (not even by trying all four
billion IPv4 addresses); and because the item is part of it, one visitor's reports of
different items cannot be linked to each other. No address is stored in the clear.
When an editor decides, the reports stop counting (so the same old reports never
hide the item again) and are deleted `RETENTION_DAYS` later by the daily job
`prune_decided_reports`, key and note included; until then they stop the same
visitors from reporting the item again straight away.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Max, Min, Q
from django.db.models.signals import post_delete
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import capfirst
from wagtail.log_actions import log

from . import content_versions, ratelimit
from .models import Report, SiteSettings

RATE_LIMIT = 10  # reports per address ...
RATE_WINDOW = 10 * 60  # ... per ten minutes
RETENTION_DAYS = 30
PER_PAGE = 25


@dataclass(frozen=True)
class Flaggable:
    """What an app tells this module about a model whose items visitors may report."""

    # Names the model in the report's address: /melden/<key>/<pk>/.
    key: str
    model: type[models.Model]
    # The kind of content whose pages show it; bumped when it is hidden or shown again.
    kind: str
    # The permission that lets an editor moderate the model (the queue's actions).
    permission: str
    # The items visitors see, and so may report.
    shown: Callable[[], models.QuerySet]
    is_hidden: Callable[[models.Model], bool]
    # Take an item off the public site, and put it back; plain updates, no e-mail.
    hide: Callable[[models.Model], None]
    restore: Callable[[models.Model], None]
    # The app's own rejection (with its e-mails and log entry), by an editor.
    remove: Callable[[models.Model, object], None]
    # Where a reporter goes back to: the item, or its page or list once it is hidden.
    return_url: Callable[[models.Model], str]
    # For the queue: the item in a few words, and its public and admin addresses.
    describe: Callable[[models.Model], str]
    public_url: Callable[[models.Model], str]
    admin_url: Callable[[models.Model], str]
    select_related: tuple[str, ...] = field(default=())


_registry: dict[str, Flaggable] = {}


def register(flaggable: Flaggable) -> None:
    """Let visitors report `flaggable.model`; an item's reports go when it goes."""
    _registry[flaggable.key] = flaggable

    def delete_reports(instance, **kwargs):
        reports_of(flaggable, instance.pk).delete()

    post_delete.connect(
        delete_reports,
        sender=flaggable.model,
        weak=False,
        dispatch_uid=f"portal-flags-{flaggable.key}",
    )


def flaggable(key: str) -> Flaggable | None:
    return _registry.get(key)


def flaggable_for(instance) -> Flaggable:
    """The registration of `instance`'s model (for the "Melden" link under it)."""
    for entry in _registry.values():
        if isinstance(instance, entry.model):
            return entry
    raise LookupError(f"{type(instance).__name__} is not registered for reports.")


def reports_of(flaggable: Flaggable, pk) -> models.QuerySet:
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(flaggable.model), object_id=pk
    )


def threshold(request) -> int:
    """How many independent reports hide an item, as the editors set it."""
    return SiteSettings.for_request(request).reports_to_hide


def reporter_key(flaggable: Flaggable, pk, client_address: str) -> str:
    """Tells the reporters of one item apart, and nothing more (see the module's
    docstring): keyed with SECRET_KEY, and different for each item."""
    return salted_hmac(
        "portal.flags.reporter", f"{flaggable.key}:{pk}:{client_address}", algorithm="sha256"
    ).hexdigest()


class TooManyReports(Exception):
    pass


def report(flaggable: Flaggable, pk, *, client_address, reason, note, threshold):
    """Count one visitor's report of a shown item; hide the item when the open
    reports reach `threshold`. A second report by the same visitor is neither
    stored nor counted (the caller thanks them all the same). Raises the model's
    DoesNotExist for an item visitors do not see (or no longer: a hidden one), and
    TooManyReports past the rate limit."""
    if not ratelimit.allow("flags", client_address, RATE_LIMIT, RATE_WINDOW):
        raise TooManyReports
    with transaction.atomic():
        # The lock lines up the reports of one item (see the module's docstring).
        item = flaggable.shown().select_for_update(of=("self",)).get(pk=pk)
        content_type = ContentType.objects.get_for_model(flaggable.model)
        try:
            with transaction.atomic():
                Report.objects.create(
                    content_type=content_type,
                    object_id=item.pk,
                    reason=reason,
                    note=note,
                    reporter_key=reporter_key(flaggable, item.pk, client_address),
                )
        except IntegrityError:
            return item  # this visitor reported it before
        count = reports_of(flaggable, item.pk).filter(decided_at=None).count()
        if count >= threshold:
            flaggable.hide(item)
            content_versions.bump(flaggable.kind)
            log(item, "portal.flags.hide", data={"reports": count})
    return item


def _decide(flaggable: Flaggable, pk):
    """Lock the item, close its open reports and return it with their reasons
    counted (for the log), or None when nothing was open (decided already)."""
    item = flaggable.model._default_manager.select_for_update().filter(pk=pk).first()
    if item is None:
        return None, {}
    open_reports = reports_of(flaggable, pk).filter(decided_at=None)
    reasons = dict(Counter(open_reports.values_list("reason", flat=True)))
    if not reasons:
        return None, {}
    open_reports.update(decided_at=timezone.now())
    return item, reasons


@transaction.atomic
def restore(flaggable: Flaggable, pk, by):
    """The editor finds nothing wrong: the reports stop counting and a hidden item
    shows again. Returns the item, or None when there was nothing to decide."""
    item, reasons = _decide(flaggable, pk)
    if item is None:
        return None
    if flaggable.is_hidden(item):
        flaggable.restore(item)
        content_versions.bump(flaggable.kind)
    log(item, "portal.flags.restore", user=by, data={"reports": reasons})
    return item


@transaction.atomic
def remove(flaggable: Flaggable, pk, by):
    """The editor agrees with the reports: the item is rejected the app's own way.
    Returns the item, or None when there was nothing to decide."""
    item, reasons = _decide(flaggable, pk)
    if item is None:
        return None
    flaggable.remove(item, by)
    log(item, "portal.flags.remove", user=by, data={"reports": reasons})
    return item


def prune_decided_reports() -> int:
    """The daily job: delete reports decided more than RETENTION_DAYS ago."""
    cutoff = timezone.now() - timedelta(days=RETENTION_DAYS)
    deleted, _ = Report.objects.filter(decided_at__lt=cutoff).delete()
    return deleted


def open_count() -> int:
    """How many items have reports waiting for a decision."""
    return (
        Report.objects.filter(decided_at=None)
        .values("content_type", "object_id")
        .distinct()
        .count()
    )


@dataclass
class Reported:
    """One item in the editors' queue."""

    flaggable: Flaggable
    item: models.Model
    count: int
    first: object
    last: object
    reasons: list = field(default_factory=list)  # (label, count), most first
    notes: list = field(default_factory=list)  # (date, note), newest first

    @property
    def hidden(self):
        return self.flaggable.is_hidden(self.item)

    @property
    def kind_label(self):
        return capfirst(self.flaggable.model._meta.verbose_name)

    @property
    def description(self):
        return self.flaggable.describe(self.item)

    @property
    def public_url(self):
        return self.flaggable.public_url(self.item)

    @property
    def admin_url(self):
        return self.flaggable.admin_url(self.item)


def queue(page_number):
    """A page of reported items with open reports, most recently reported first:
    a fixed number of queries, however many reports there are."""
    grouped = (
        Report.objects.filter(decided_at=None)
        .values("content_type", "object_id")
        .annotate(count=Count("pk"), first=Min("created"), last=Max("created"))
        .order_by("-last", "-object_id")
    )
    page = Paginator(grouped, PER_PAGE).get_page(page_number)
    rows = list(page.object_list)
    by_type = {
        ContentType.objects.get_for_model(entry.model).pk: entry for entry in _registry.values()
    }
    items = {}
    for type_id, entry in by_type.items():
        pks = [row["object_id"] for row in rows if row["content_type"] == type_id]
        if pks:
            found = entry.model._default_manager.all()
            if entry.select_related:
                found = found.select_related(*entry.select_related)
            items.update({(type_id, item.pk): item for item in found.filter(pk__in=pks)})
    which = Q(pk__in=[])
    for row in rows:
        which |= Q(content_type=row["content_type"], object_id=row["object_id"])
    details = Report.objects.filter(which, decided_at=None)
    reasons, notes = {}, {}
    labels = dict(Report.Reason.choices)
    for row in details.values("content_type", "object_id", "reason").annotate(n=Count("pk")):
        key = (row["content_type"], row["object_id"])
        reasons.setdefault(key, []).append((labels.get(row["reason"], row["reason"]), row["n"]))
    for row in details.exclude(note="").values("content_type", "object_id", "created", "note"):
        notes.setdefault((row["content_type"], row["object_id"]), []).append(
            (row["created"], row["note"])
        )
    page.object_list = [
        Reported(
            flaggable=by_type[row["content_type"]],
            item=items[key],
            count=row["count"],
            first=row["first"],
            last=row["last"],
            reasons=sorted(reasons.get(key, []), key=lambda pair: -pair[1]),
            notes=notes.get(key, []),
        )
        for row in rows
        if (key := (row["content_type"], row["object_id"])) in items
    ]
    return page
