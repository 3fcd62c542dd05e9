"""What an import did, per kind of thing: imported, updated, unchanged, skipped (with
the reason), plus what it could not map and the images it could not find. Stored as
JSON on the admin's import and printed by the command, from the same lines."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

OUTCOMES = ("imported", "updated", "unchanged", "skipped")
KINDS = ("author", "term", "post", "image", "comment", "redirect")
LISTED = 50  # missing images and errors shown; the counts are always complete


def kind_label(kind):
    return {
        "author": _("Authors"),
        "term": _("Categories and tags"),
        "post": _("Articles"),
        "image": _("Images"),
        "comment": _("Comments"),
        "redirect": _("Redirects"),
    }[kind]


def outcome_label(outcome):
    return {
        "imported": _("imported"),
        "updated": _("updated"),
        "unchanged": _("unchanged"),
        "skipped": _("skipped"),
    }[outcome]


class Report:
    def __init__(self):
        self.counts = defaultdict(Counter)
        self.reasons = defaultdict(Counter)  # kind -> reason -> count
        self.shortcodes = Counter()
        self.unmapped = Counter()
        self.missing_images = Counter()
        self.errors = []  # (what, message)

    def count(self, kind, outcome, reason=""):
        self.counts[kind][outcome] += 1
        if reason:
            self.reasons[kind][reason] += 1

    def fail(self, what, message):
        self.errors.append((what, message))

    @property
    def changed(self):
        return any(self.counts[kind][o] for kind in KINDS for o in ("imported", "updated"))

    def as_dict(self):
        return {
            "counts": {kind: dict(self.counts[kind]) for kind in KINDS},
            "reasons": {kind: dict(reasons) for kind, reasons in self.reasons.items()},
            "shortcodes": self.shortcodes.most_common(),
            "unmapped": self.unmapped.most_common(),
            "missing_images": self.missing_images.most_common(LISTED),
            "missing_images_total": len(self.missing_images),
            "errors": self.errors[:LISTED],
            "errors_total": len(self.errors),
            "changed": self.changed,
        }


def lines(data: dict) -> list[str]:
    """The report as text (the command prints it; `data` is Report.as_dict())."""
    result = []
    if not data["changed"]:
        result.append(_("Nothing changed: everything in the file had been imported before."))
    for kind in KINDS:
        counts = data["counts"].get(kind, {})
        parts = [f"{counts.get(o, 0)} {outcome_label(o)}" for o in OUTCOMES]
        result.append(f"{kind_label(kind)}: " + ", ".join(parts))
        for reason, number in sorted(data["reasons"].get(kind, {}).items()):
            result.append(f"    {_('skipped')}: {number} × {reason}")
    if data["shortcodes"]:
        names = ", ".join(f"[{name}] × {number}" for name, number in data["shortcodes"])
        result.append(_("Shortcodes kept as text: %(names)s") % {"names": names})
    if data["unmapped"]:
        names = ", ".join(f"{name} × {number}" for name, number in data["unmapped"])
        result.append(_("HTML without a block: %(names)s") % {"names": names})
    if data["missing_images_total"]:
        result.append(_("Images not found: %(count)s") % {"count": data["missing_images_total"]})
        result += [f"    {src}" for src, _number in data["missing_images"]]
    if data["errors_total"]:
        result.append(_("Posts not imported: %(count)s") % {"count": data["errors_total"]})
        result += [f"    {what}: {message}" for what, message in data["errors"]]
    return result
