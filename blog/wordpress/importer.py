"""The import itself: one pass to learn the site (authors, terms, attachments), then
one post at a time, each in its own transaction, so a broken post is reported and
skipped and the rest goes in.

Everything is keyed on WordPress's ids (blog.WordPressItem) with a checksum of what
the file said, so running the same file again changes nothing, and a newer export
adds what is new and updates what changed. A changed post gets a new revision (and
is published again if it is published in WordPress), so editors see in the page
history what the import did.
"""

import hashlib
import json
from html import unescape

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from taggit.models import Tag

from portal import content_versions
from portal.models import Theme

from ..models import ArticlePage, Author, BlogIndexPage, Category, Comment, WordPressItem
from . import parser
from .html import convert, cut, parse, plain_text
from .images import Attachment, ImageLibrary
from .mapping import Mapping
from .redirects import Redirects, archive_link, old_path, post_paths
from .report import Report

VERSION = "1"  # part of every checksum: a new version of the conversion updates all posts
SKIPPED_STATUSES = {
    "trash": "in the trash",
    "auto-draft": "an empty automatic draft",
    "inherit": "a revision",
}
SKIPPED_COMMENTS = {"spam": "spam", "trash": "in the trash"}


def checksum(*parts) -> str:
    data = json.dumps([VERSION, *parts], sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()


class ImportFailed(Exception):
    """The file cannot be imported at all (not an export, no blog index)."""


class Scan:
    """What the first pass learns: the site, its authors, terms and attachments, and
    how many posts there are (for the progress bar)."""

    def __init__(self, path):
        self.site = parser.Site()
        self.authors, self.terms, self.attachments, self.posts = [], [], {}, 0
        for record in parser.read(path):
            if isinstance(record, parser.Site):
                self.site = record
            elif isinstance(record, parser.Author):
                self.authors.append(record)
            elif isinstance(record, parser.Term):
                self.terms.append(record)
            elif record.post_type == "attachment":
                self.attachments[record.wp_id] = Attachment.from_item(record)
            elif record.post_type == "post":
                self.posts += 1
        self.source = (self.site.base_url or self.site.link or "wordpress").rstrip("/")[:200]


class Importer:
    def __init__(self, *, uploads_dir=None, mapping=None, progress=None):
        self.uploads_dir = uploads_dir
        self.mapping = mapping or Mapping()
        self.progress = progress or (lambda done, total: None)
        self.report = Report()
        self.redirects = Redirects(self.report)
        self.comments_changed = False

    # -- the run ---------------------------------------------------------------

    def run(self, path) -> Report:
        try:
            scan = Scan(path)
        except parser.NotAnExport as error:
            raise ImportFailed(
                _("This is not a WordPress export file: %(reason)s") % {"reason": error}
            ) from None
        self.index = BlogIndexPage.objects.first()
        if self.index is None:
            raise ImportFailed(_("There is no blog index page to import the articles under."))
        self.scan = scan
        self.source = scan.source
        self.records = _Records(self.source)
        self.images = ImageLibrary(self.source, self.uploads_dir, scan.attachments, self.report)
        with transaction.atomic():
            self.import_authors(scan.authors)
            self.import_terms(scan.terms)
        done = 0
        self.progress(done, scan.posts)
        for item in parser.read(path):
            if not isinstance(item, parser.Item) or item.post_type == "attachment":
                continue
            if item.post_type != "post":
                self.report.count("post", "skipped", f"post type “{item.post_type}”")
                continue
            self.import_post(item)
            done += 1
            if done % 25 == 0 or done == scan.posts:
                self.progress(done, scan.posts)
        with transaction.atomic():
            self.attachment_redirects()
        if self.comments_changed:
            content_versions.bump("comments")
        return self.report

    # -- authors and terms -----------------------------------------------------

    def import_authors(self, authors):
        self.authors_by_login = {}
        for record in authors:
            extra = self.mapping.authors.get(record.login, {})
            fields = {
                "name": cut(plain_text(record.display_name) or record.login, 120),
                "bio": cut(extra.get("bio") or record.description, 600),
                "is_guest": bool(extra.get("guest", False)),
                "role": cut(extra.get("role", ""), 120),
                "organisation": cut(extra.get("organisation", ""), 150),
            }
            author = self.records.save(
                WordPressItem.Kind.AUTHOR, record.wp_id, Author, fields, self.report, "author"
            )
            self.authors_by_login[record.login] = author
            self.redirects_for_author(record, author)

    def author_for(self, login):
        author = self.authors_by_login.get(login)
        if author is None and login:
            author = self.records.save(
                WordPressItem.Kind.AUTHOR,
                f"login:{login}",
                Author,
                {"name": cut(login, 120)},
                self.report,
                "author",
            )
            self.authors_by_login[login] = author
        return author

    def redirects_for_author(self, record, author):
        link = archive_link(self.index_url, "auteur", author.pk)
        paths = {old_path(f"/author/{record.login}/")}
        if record.wp_id.isdigit():
            paths.add(old_path(f"/?author={record.wp_id}"))
        self.redirects.point(paths, link=link)

    @property
    def index_url(self):
        return self.index.url or "/"

    def import_terms(self, terms):
        """Each WordPress category and tag: where it goes (self.targets) and a
        redirect from its archive."""
        self.targets = {}
        categories = {c.slug: c for c in Category.objects.all()}
        themes = {t.slug: t for t in Theme.objects.all()}
        parents = {t.slug: t.parent for t in terms if t.taxonomy == "category"}
        for term in terms:
            target = self.target(term, categories, themes)
            self.targets[(term.taxonomy, term.slug)] = target
            if target[0] == "skip":
                self.report.count("term", "skipped", _("skipped by the mapping file"))
                continue
            kind, obj = target
            self.records.save(
                WordPressItem.Kind.TERM,
                f"{term.taxonomy}:{term.wp_id}",
                type(obj),
                None,
                self.report,
                "term",
                existing=obj,
                digest=checksum(term.__dict__, kind, obj.pk),
            )
            parameter = {"category": "categorie", "theme": "thema", "tag": "tag"}[kind]
            link = archive_link(self.index_url, parameter, obj.slug)
            if term.taxonomy == "category":
                chain, slug = [], term.slug
                while slug and slug not in chain and len(chain) < 10:
                    chain.insert(0, slug)
                    slug = parents.get(slug, "")
                paths = {old_path(f"/category/{'/'.join(chain)}/")}
                if term.wp_id.isdigit():
                    paths.add(old_path(f"/?cat={term.wp_id}"))
            else:
                paths = {old_path(f"/tag/{term.slug}/"), old_path(f"/?tag={term.slug}")}
            self.redirects.point(paths, link=link)

    def target(self, term, categories, themes):
        if term.taxonomy == "category":
            mapped = self.mapping.for_category(term.slug)
            if mapped:
                kind, slug = mapped
                if kind == "skip":
                    return ("skip", None)
                if kind == "category" and slug in categories:
                    return ("category", categories[slug])
                if kind == "theme" and slug in themes:
                    return ("theme", themes[slug])
                if kind == "tag":
                    return ("tag", _tag(slug))
            if term.slug in categories:
                return ("category", categories[term.slug])
            if term.slug in themes:
                return ("theme", themes[term.slug])
        return ("tag", _tag(term.name or term.slug))

    def targets_of(self, item):
        found = {"category": [], "theme": [], "tag": []}
        for taxonomy, slug, name in item.terms:
            key = ("category" if taxonomy == "category" else "post_tag", slug)
            target = self.targets.get(key)
            if target is None:  # a term the channel did not list
                target = self.target(
                    parser.Term(key[0], slug, slug, name),
                    {c.slug: c for c in Category.objects.filter(slug=slug)},
                    {t.slug: t for t in Theme.objects.filter(slug=slug)},
                )
                self.targets[key] = target
            if target[0] != "skip":
                found[target[0]].append(target[1])
        return found

    # -- posts -----------------------------------------------------------------

    def import_post(self, item):
        what = f"{item.wp_id} “{cut(unescape(item.title), 60)}”"
        if item.status in SKIPPED_STATUSES:
            self.report.count("post", "skipped", SKIPPED_STATUSES[item.status])
            return
        try:
            with transaction.atomic():
                page = self.save_post(item)
                self.import_comments(item, page)
        except Exception as error:  # noqa: BLE001 - one broken post must not stop the rest
            self.report.count("post", "skipped", _("could not be imported"))
            self.report.fail(what, f"{type(error).__name__}: {error}")
            self.forget_rolled_back()

    def forget_rolled_back(self):
        """An author or tag first met in a post that failed went with its
        transaction: forget it, so the next post makes it again."""
        authors = set(Author.objects.values_list("pk", flat=True))
        self.authors_by_login = {
            login: author for login, author in self.authors_by_login.items() if author.pk in authors
        }
        tags = set(Tag.objects.values_list("pk", flat=True))
        self.targets = {
            key: target
            for key, target in self.targets.items()
            if target[0] != "tag" or target[1].pk in tags
        }

    def save_post(self, item):
        record = self.records.get(WordPressItem.Kind.POST, item.wp_id)
        page = ArticlePage.objects.filter(pk=record.object_id).first() if record else None
        digest = checksum(item.checksum_data(), self.mapping.digest, self.source)
        if page is not None and record.checksum == digest:
            self.report.count("post", "unchanged")
            return page
        conversion = convert(item.content, self.images.block_value, self.scan.site.base_url)
        self.report.shortcodes.update(conversion.shortcodes)
        self.report.unmapped.update(conversion.unmapped)
        self.report.missing_images.update(conversion.missing_images)
        targets = self.targets_of(item)
        author = self.author_for(item.creator)
        image, attachment = self.images.featured(item.meta.get("_thumbnail_id", ""))
        title = cut(plain_text(item.title), 255) or _("(no title)")
        date = parser.parse_date(item.date, utc=False) or timezone.now()
        published = parser.parse_date(item.date_gmt, utc=True) or date
        fields = {
            "title": title,
            "draft_title": title,
            "lead": lead(item, conversion.blocks, title),
            "date": timezone.localdate(date) if timezone.is_aware(date) else date.date(),
            "category": self.category_for(targets, author),
            "main_image": image,
            "main_image_caption": cut(attachment.caption, 250) if attachment else "",
            "main_image_maker": cut(attachment.credit, 120) if attachment else "",
            "main_image_rights": cut(attachment.copyright, 120) if attachment else "",
            "body": conversion.blocks,
            "comments_open": item.comment_status != "closed",
            "go_live_at": published if item.status == "future" else None,
        }
        created = page is None
        if created:
            page = ArticlePage(live=False, slug=self.free_slug(item, title), **fields)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.authors.set([author] if author else [])
        page.themes.set(targets["theme"])
        page.tags.set(targets["tag"])
        if created:
            self.index.add_child(instance=page)
        revision = page.save_revision(log_action=True, clean=False)
        if item.status in ("publish", "future"):
            revision.publish()
            if item.status == "publish":
                ArticlePage.objects.filter(pk=page.pk).update(first_published_at=published)
        elif page.live:
            page.unpublish()
        self.records.link(WordPressItem.Kind.POST, item.wp_id, page, digest, record)
        self.report.count("post", "imported" if created else "updated")
        self.redirects.point(post_paths(item), page=page)
        return page

    def category_for(self, targets, author):
        if targets["category"]:
            return targets["category"][0]
        slug = "gastblog" if author and author.is_guest else self.mapping.default_category
        return Category.objects.filter(slug=slug).first() or Category.objects.first()

    def free_slug(self, item, title):
        base = slugify(item.slug or title, allow_unicode=True)[:240] or f"post-{item.wp_id}"
        slug, number = base, 1
        siblings = self.index.get_children()
        while siblings.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # -- comments --------------------------------------------------------------

    def import_comments(self, item, page):
        """The post's comments with their thread. The portal shows one level of
        replies, so a reply to a reply goes under the comment that started it."""
        if not item.comments:
            return
        parents = {c.wp_id: c.parent for c in item.comments}
        known = self.records.many(WordPressItem.Kind.COMMENT, list(parents))
        new_records, made = [], {}
        # Top-level comments first, so replies find the comment they belong under.
        ordered = sorted(item.comments, key=lambda c: _root(c.wp_id, parents) != c.wp_id)
        for comment in ordered:
            if comment.type in ("pingback", "trackback"):
                self.report.count("comment", "skipped", _("pingback or trackback"))
                continue
            record = known.get(comment.wp_id)
            if comment.approved in SKIPPED_COMMENTS:
                if record:
                    Comment.objects.filter(pk=record.object_id).update(
                        status=Comment.Status.REJECTED
                    )
                    self.comments_changed = True
                self.report.count("comment", "skipped", SKIPPED_COMMENTS[comment.approved])
                continue
            root = _root(comment.wp_id, parents)
            parent_id = None
            if root != comment.wp_id:
                parent_id = made.get(root) or (known[root].object_id if root in known else None)
            digest = checksum(comment.__dict__, parent_id)
            if record and record.checksum == digest:
                made[comment.wp_id] = record.object_id
                self.report.count("comment", "unchanged")
                continue
            fields = comment_fields(comment, page, parent_id)
            if record:
                Comment.objects.filter(pk=record.object_id).update(**fields)
                record.checksum = digest
                record.save(update_fields=["checksum", "updated"])
                made[comment.wp_id] = record.object_id
                self.report.count("comment", "updated")
            else:
                created = Comment.objects.create(**fields)
                made[comment.wp_id] = created.pk
                new_records.append(
                    self.records.new(WordPressItem.Kind.COMMENT, comment.wp_id, created, digest)
                )
                self.report.count("comment", "imported")
            self.comments_changed = True
        WordPressItem.objects.bulk_create(new_records)

    # -- attachment pages ------------------------------------------------------

    def attachment_redirects(self):
        posts = self.records.many(
            WordPressItem.Kind.POST, [a.parent for a in self.scan.attachments.values()]
        )
        pages = {
            page.pk: page
            for page in ArticlePage.objects.filter(pk__in=[r.object_id for r in posts.values()])
        }
        for attachment in self.scan.attachments.values():
            record = posts.get(attachment.parent)
            page = pages.get(record.object_id) if record else None
            if page is None:
                continue
            paths = {old_path(f"/?attachment_id={attachment.wp_id}")}
            if attachment.link:
                paths.add(old_path(attachment.link))
            self.redirects.point(paths, page=page)


def _root(wp_id, parents):
    seen = set()
    while parents.get(wp_id, "0") not in ("0", "") and parents[wp_id] in parents:
        if wp_id in seen:
            break
        seen.add(wp_id)
        wp_id = parents[wp_id]
    return wp_id


def _tag(name):
    tag = Tag.objects.filter(name__iexact=name[:100]).first()
    return tag or Tag.objects.create(name=name[:100])


def lead(item, blocks, title):
    """The excerpt; without one, the opening of the first paragraph; at worst the title."""
    text = plain_text(item.excerpt)
    if not text:
        first = next((b["value"] for b in blocks if b["type"] == "paragraph"), "")
        text = cut(plain_text(first), 300)
    return cut(text, 600) or title


def comment_fields(comment, page, parent_id):
    created = (
        parser.parse_date(comment.date_gmt, utc=True)
        or parser.parse_date(comment.date, utc=False)
        or timezone.now()
    )
    email = comment.email.strip()
    return {
        "article": page,
        "parent_id": parent_id,
        "name": cut(plain_text(comment.author), 80) or _("Anonymous"),
        "email": email if "@" in email and len(email) <= 254 else "",
        "body": parse(comment.content).get_text().strip() or "…",
        "status": Comment.Status.APPROVED if comment.approved == "1" else Comment.Status.PENDING,
        "created": created,
    }


class _Records:
    """blog.WordPressItem for one source site."""

    def __init__(self, source):
        self.source = source

    def get(self, kind, wp_id):
        return WordPressItem.objects.filter(source=self.source, kind=kind, wp_id=wp_id).first()

    def many(self, kind, wp_ids):
        return {
            record.wp_id: record
            for record in WordPressItem.objects.filter(
                source=self.source, kind=kind, wp_id__in=[str(i) for i in wp_ids]
            )
        }

    def new(self, kind, wp_id, obj, digest):
        return WordPressItem(
            source=self.source,
            kind=kind,
            wp_id=wp_id,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
            checksum=digest,
        )

    def link(self, kind, wp_id, obj, digest, record=None):
        if record is None:
            self.new(kind, wp_id, obj, digest).save()
        else:
            record.object_id, record.checksum = obj.pk, digest
            record.save(update_fields=["object_id", "checksum", "updated"])

    def save(self, kind, wp_id, model, fields, report, report_kind, existing=None, digest=None):
        """Create or update one simple object (an author), or only record where a
        term went (`existing`); counts the outcome."""
        digest = digest or checksum(fields)
        record = self.get(kind, wp_id)
        obj = model.objects.filter(pk=record.object_id).first() if record else None
        if obj is not None and record.checksum == digest:
            report.count(report_kind, "unchanged")
            return obj
        if existing is not None:
            obj = existing
        elif obj is None:
            obj = model.objects.create(**fields)
        else:
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()
        report.count(report_kind, "imported" if record is None else "updated")
        self.link(kind, wp_id, obj, digest, record)
        return obj


def run_import(path, *, uploads_dir=None, mapping=None, progress=None) -> Report:
    return Importer(uploads_dir=uploads_dir, mapping=mapping, progress=progress).run(path)
