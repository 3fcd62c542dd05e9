"""The comment form readers fill in under an article."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Comment


class CommentForm(forms.Form):
    """Visitors give a name and an e-mail address (never shown); members do not.

    `website` is a honeypot: hidden from people, filled in by spam robots.
    """

    name = forms.CharField(label=_("Your name"), max_length=80)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We do not publish your e-mail address."),
    )
    body = forms.CharField(
        label=_("Your comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, at most 3000 characters."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        template_name="blog/includes/honeypot_field.html",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, user=None, article=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.article = article
        if user is not None and user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]

    def clean_body(self):
        # Browsers send line breaks as CRLF; store them once, as the reader typed them.
        return self.cleaned_data["body"].replace("\r\n", "\n")

    def clean_parent(self):
        """A reply goes to an approved top-level comment of the same article."""
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(
            pk=parent_id,
            article=self.article,
            parent=None,
            status=Comment.Status.APPROVED,
        ).first()
        if parent is None:
            raise forms.ValidationError(_("You can only reply to a published comment."))
        return parent

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


class WordPressUploadForm(forms.Form):
    """The export file an editor uploads in the admin. Checked here only for what can
    be seen at once (size, name, the first bytes); the import reads it strictly."""

    file = forms.FileField(
        label=_("WordPress export file"),
        help_text=_("The XML file from Tools → Export → All content in WordPress."),
    )

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data["file"]
        limit = getattr(settings, "WORDPRESS_UPLOAD_MAX_BYTES", 300 * 1024 * 1024)
        name = upload.name or ""
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large: at most %(megabytes)s MB.")
                % {"megabytes": limit // (1024 * 1024)}
            )
        if not name.lower().endswith(".xml") or any(c in name for c in '<>"&'):
            raise forms.ValidationError(_("Choose an .xml file with a plain name."))
        start = upload.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        upload.seek(0)
        if not start.startswith((b"<?xml", b"<rss")) or b"<rss" not in start:
            raise forms.ValidationError(_("This is not a WordPress export file (XML)."))
        return upload
