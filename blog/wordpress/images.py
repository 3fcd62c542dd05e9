"""Images from a copy of wp-content/uploads into Wagtail's image library.

Only images an article shows (its featured image, images in its body) are imported,
each once, keyed on the WordPress attachment id (or on its path for a file without
an attachment record). Files are read from the given directory only: never from the
network, never from outside that directory (`../`, absolute paths), and only
image formats. Alt text, caption and the credit and copyright WordPress read from
the photo's own data are kept.
"""

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from wagtail.images import get_image_model

from ..models import WordPressItem
from .parser import Item

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
UPLOADS = "/wp-content/uploads/"


def _php_string(serialized: str, key: str) -> str:
    """One string of WordPress's PHP-serialized attachment data (image_meta)."""
    match = re.search(rf's:{len(key)}:"{key}";s:\d+:"(.*?)";', serialized, re.S)
    return match.group(1).strip() if match else ""


@dataclass
class Attachment:
    wp_id: str
    path: str  # relative to the uploads directory
    title: str
    alt: str
    caption: str
    credit: str
    copyright: str
    parent: str
    link: str

    @classmethod
    def from_item(cls, item: Item) -> "Attachment":
        serialized = item.meta.get("_wp_attachment_metadata", "")
        return cls(
            wp_id=item.wp_id,
            path=item.meta.get("_wp_attached_file", "") or relative_path(item.attachment_url),
            title=item.title,
            alt=item.meta.get("_wp_attachment_image_alt", ""),
            caption=" ".join(item.excerpt.split()),
            credit=_php_string(serialized, "credit"),
            copyright=_php_string(serialized, "copyright"),
            parent=item.parent,
            link=item.link,
        )

    def checksum(self):
        return hashlib.sha256(repr(sorted(self.__dict__.items())).encode()).hexdigest()


def relative_path(url: str) -> str:
    """The part of an uploads address after wp-content/uploads/, or ""."""
    path = unquote(urlparse(url).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


class ImageLibrary:
    def __init__(self, source: str, uploads_dir, attachments: dict[str, Attachment], report):
        self.source = source
        self.root = Path(uploads_dir).resolve() if uploads_dir else None
        self.attachments = attachments
        self.by_path = {a.path: a for a in attachments.values() if a.path}
        self.report = report
        self.content_type = ContentType.objects.get_for_model(get_image_model())

    def block_value(self, src: str, attachment_id: str) -> dict | None:
        """The starting value of an image block for an <img>, or None."""
        attachment = self.attachments.get(attachment_id)
        if attachment is None:
            path = relative_path(src)
            attachment = self.by_path.get(path) or self.by_path.get(SIZE_SUFFIX.sub("", path))
            if attachment is None and path:
                attachment = Attachment(f"file:{path}", path, "", "", "", "", "", "", "")
        image = self.image(attachment)
        if image is None:
            return None
        return {
            "image": image.pk,
            "alt": attachment.alt,
            "title": image.title,
            "caption": attachment.caption,
            "maker": attachment.credit[:120],
            "rights": attachment.copyright[:120],
            "downloadable": False,
        }

    def featured(self, attachment_id: str):
        """(image, attachment) for a post's _thumbnail_id, or (None, None)."""
        attachment = self.attachments.get(attachment_id)
        image = self.image(attachment) if attachment else None
        if attachment_id and image is None:
            self.report.missing_images[f"attachment {attachment_id}"] += 1
        return image, attachment if image else None

    def image(self, attachment: Attachment | None):
        if attachment is None:
            return None
        Image = get_image_model()
        record = WordPressItem.objects.filter(
            source=self.source, kind=WordPressItem.Kind.ATTACHMENT, wp_id=attachment.wp_id
        ).first()
        image = Image.objects.filter(pk=record.object_id).first() if record else None
        checksum = attachment.checksum()
        if image is not None:
            if record.checksum == checksum:
                self.report.count("image", "unchanged")
            else:
                image.title = (attachment.title or image.title)[:255]
                image.description = attachment.alt[:255]
                image.save(update_fields=["title", "description"])
                record.checksum = checksum
                record.save(update_fields=["checksum", "updated"])
                self.report.count("image", "updated")
            return image
        file_path = self.file(attachment.path)
        if file_path is None:
            return None
        with file_path.open("rb") as handle:
            image = Image(
                title=(attachment.title or file_path.stem)[:255],
                description=attachment.alt[:255],
                file=File(handle, name=file_path.name),
            )
            image.save()
        WordPressItem.objects.update_or_create(
            source=self.source,
            kind=WordPressItem.Kind.ATTACHMENT,
            wp_id=attachment.wp_id,
            defaults={
                "content_type": self.content_type,
                "object_id": image.pk,
                "checksum": checksum,
            },
        )
        self.report.count("image", "imported")
        return image

    def file(self, relative: str) -> Path | None:
        """The file in the uploads copy, if it is an image inside that directory."""
        if not self.root or not relative:
            return None
        parts = PurePosixPath(relative).parts
        if PurePosixPath(relative).is_absolute() or ".." in parts:
            return None
        candidate = (self.root / relative).resolve()
        if (
            candidate.is_relative_to(self.root)
            and candidate.suffix.lower() in IMAGE_SUFFIXES
            and candidate.is_file()
        ):
            return candidate
        return None
