"""The image a visitor may send with an initiative.

The upload is checked by Pillow (a file name or content type proves nothing), limited
in bytes and pixels, and stored as a clean copy: turned upright, without its metadata
(a phone photo carries the place it was taken and the device in its EXIF data, and
Wagtail's renditions would keep them), under a random name. The Wagtail image is only
made when the whole form is valid, in the transaction that stores the initiative.
"""

import io
import secrets
from dataclasses import dataclass

from django import forms
from django.core.files.images import ImageFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Initiatieven"
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Pillow's format name: the extension of the stored file and the options it is saved with.
FORMATS = {
    "JPEG": ("jpg", {"quality": 90, "optimize": True}),
    "PNG": ("png", {"optimize": True}),
    "WEBP": ("webp", {"quality": 90}),
}
ACCEPT = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"


@dataclass(frozen=True)
class CleanImage:
    """A checked upload, ready to store: its bytes without metadata."""

    content: bytes
    extension: str


def clean_copy(upload):
    """The picture re-encoded in its own format, upright, without EXIF, XMP or text.

    Pillow writes some of what it read back out by default (a JPEG's comment, for
    one), so only the colour profile is carried over and everything else it read
    about the file is dropped before saving.
    """
    upload.seek(0)
    with PillowImage.open(upload) as original:
        image_format = original.format
        icc_profile = original.info.get("icc_profile")
        picture = ImageOps.exif_transpose(original)
        picture.load()
    picture.info = {}
    extension, options = FORMATS[image_format]
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return CleanImage(buffer.getvalue(), extension)


class SubmittedImageField(forms.ImageField):
    """An optional photo: JPEG, PNG or WebP as Pillow reads it, at most 5 MB."""

    default_error_messages = {
        "invalid_image": _(
            "This file is not an image we can use. Choose a JPEG, PNG or WebP image."
        ),
        "format": _("Only JPEG, PNG and WebP images are accepted. Choose another file."),
        "too_big": _("The image is larger than 5 MB. Choose a smaller file."),
        "too_many_pixels": _(
            "The image has too many pixels (at most 40 megapixels). Choose a smaller image."
        ),
    }
    # The type is what Pillow finds in the file, checked below, not the file's name.
    default_validators = []

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ACCEPT
        return attrs

    def to_python(self, data):
        if data in self.empty_values:
            return None
        # Checked before Pillow reads a byte of it.
        if getattr(data, "size", 0) > MAX_BYTES:
            raise forms.ValidationError(self.error_messages["too_big"], code="too_big")
        upload = super().to_python(data)
        if upload.image.format not in FORMATS:
            raise forms.ValidationError(self.error_messages["format"], code="format")
        width, height = upload.image.size
        if width * height > MAX_PIXELS:
            raise forms.ValidationError(
                self.error_messages["too_many_pixels"], code="too_many_pixels"
            )
        try:
            # verify() does not decode the pixels; a truncated file only fails here.
            return clean_copy(upload)
        except Exception as error:  # Pillow raises many kinds for a broken file
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


def initiatives_collection():
    """The collection "Initiatieven" under the root, made when it is missing."""
    root = Collection.get_first_root_node()
    for _attempt in range(2):
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        if existing:
            return existing
        try:
            # Two first submissions at once: the tree's unique path decides.
            with transaction.atomic():
                return root.add_child(name=COLLECTION_NAME)
        except IntegrityError:
            root.refresh_from_db()
    return root.get_children().get(name=COLLECTION_NAME)


def store_image(clean_image, alt_text):
    """A Wagtail image in the collection "Initiatieven"; its title and description are
    the alt text the submitter wrote, so every template finds a meaningful one."""
    image = get_image_model()(
        title=alt_text, description=alt_text, collection=initiatives_collection()
    )
    name = f"initiatief-{secrets.token_hex(8)}.{clean_image.extension}"
    image.file = ImageFile(io.BytesIO(clean_image.content), name=name)
    # What Wagtail's own upload form calls (size, hash); there is no public method.
    image._set_image_file_metadata()
    image.save()
    return image


def delete_stored_file(image):
    """Remove a stored file whose database row was rolled back."""
    if image is not None and image.file.name:
        image.file.storage.delete(image.file.name)
