"""Forms of the map: the public submission, the rows of an import, moderation."""

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from portal.forms import TopErrorsMixin
from portal.models import Theme

from . import geo, images
from .models import Initiative, Municipality

WEB_ONLY = URLValidator(schemes=["http", "https"])


class MunicipalityField(forms.CharField):
    """A municipality typed by name (a text input with a datalist suggests the names),
    looked up case-insensitively; works the same with or without JavaScript."""

    default_error_messages = {
        "unknown": _("We do not know this municipality. Choose one from the list."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 80)
        super().__init__(**kwargs)

    def clean(self, value):
        name = super().clean(value)
        if not name:
            return None
        try:
            return Municipality.objects.get(name__iexact=" ".join(name.split()))
        except Municipality.DoesNotExist:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown") from None


class InitiativeFieldsForm(forms.ModelForm):
    """The fields every new initiative needs. The point defaults to the municipality's
    centre and must lie in the Netherlands; the model checks it lies near the centre."""

    municipality = MunicipalityField(
        label=_("Municipality"),
        help_text=_("The municipality where the initiative takes place."),
    )
    latitude = forms.DecimalField(required=False)
    longitude = forms.DecimalField(required=False)
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=300,
        assume_scheme="https",
        validators=[WEB_ONLY],
        help_text=_("For example https://www.example.nl/project."),
    )

    class Meta:
        model = Initiative
        fields = [
            "title",
            "summary",
            "description",
            "themes",
            "organisation_name",
            "organisation_type",
            "municipality",
            "latitude",
            "longitude",
            "website",
            "contact_email",
        ]

    def clean(self):
        cleaned = super().clean()
        municipality = cleaned.get("municipality")
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if municipality is None:
            return cleaned
        if latitude is None or longitude is None:
            latitude, longitude = municipality.latitude, municipality.longitude
        if not geo.in_netherlands(latitude, longitude):
            # Nearness to the municipality is the model's own check (Initiative.clean).
            self.add_error(None, _("The point on the map lies outside the Netherlands."))
            # Left out, the model does not report the same point a second time.
            cleaned.pop("latitude", None)
            cleaned.pop("longitude", None)
        else:
            cleaned["latitude"] = latitude.quantize(geo.PRECISION)
            cleaned["longitude"] = longitude.quantize(geo.PRECISION)
        return cleaned


class SubmissionForm(TopErrorsMixin, InitiativeFieldsForm):
    """ "Zet een initiatief op de kaart": anyone may submit; an account only prefills."""

    relation = forms.ChoiceField(
        label=_("Whose initiative is it?"),
        choices=Initiative.Relation.choices,
        widget=forms.RadioSelect,
    )
    submitter_name = forms.CharField(label=_("Your name"), max_length=150)
    submitter_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a confirmation, and a message when the editors have decided."),
    )
    image = images.SubmittedImageField(
        label=_("Image (optional)"),
        required=False,
        help_text=_(
            "A photo or picture of the initiative: JPEG, PNG or WebP, at most 5 MB. "
            "Only send an image you may share; it is shown once the initiative is published."
        ),
    )
    image_description = forms.CharField(
        label=_("Description of the image"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, in one sentence, for people who cannot see it. "
            "Required when you add an image."
        ),
    )
    # A field people never see (hidden by CSS) and robots fill in.
    fax = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta(InitiativeFieldsForm.Meta):
        fields = [
            *InitiativeFieldsForm.Meta.fields,
            "relation",
            "submitter_name",
            "submitter_email",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple,
            "latitude": forms.HiddenInput,
            "longitude": forms.HiddenInput,
        }
        labels = {
            "contact_email": _("Contact e-mail address of the initiative (optional)"),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The image belongs with the initiative, before the submitter's own details.
        self.order_fields([*InitiativeFieldsForm.Meta.fields, "image", "image_description"])
        self.stored_image = None
        self.user = user if user and user.is_authenticated else None
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["themes"].help_text = _("Choose one or more.")
        self.fields["latitude"].widget = forms.HiddenInput()
        self.fields["longitude"].widget = forms.HiddenInput()
        self.fields["municipality"].widget.attrs.update(
            {"list": "municipality-names", "autocomplete": "off", "data-municipality": ""}
        )
        if self.user and not self.is_bound:
            self.initial.update(
                {
                    "submitter_name": self.user.full_name,
                    "submitter_email": self.user.email,
                    "organisation_name": self.user.organisation,
                    "organisation_type": self.user.sector,
                }
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_description", "").strip():
            self.add_error(
                "image_description",
                forms.ValidationError(
                    _("Describe the image, for people who cannot see it."), code="required"
                ),
            )
        return cleaned

    def full_clean(self):
        super().full_clean()
        if self._errors:
            self.note_image_not_kept()

    def note_image_not_kept(self):
        """A browser does not send a chosen file again: say so where it was chosen."""
        if self.files.get("image") and "image" not in self.errors:
            self.add_error(
                "image",
                forms.ValidationError(
                    _(
                        "Choose the image again: a chosen file is not kept "
                        "when the form has errors."
                    ),
                    code="choose_again",
                ),
            )

    @property
    def is_spam(self):
        return bool(self.data.get("fax"))

    def save(self, commit=True):
        initiative = super().save(commit=False)
        initiative.status = Initiative.Status.SUBMITTED
        initiative.submitted_by = self.user
        if commit:
            clean_image = self.cleaned_data.get("image")
            if clean_image:
                self.stored_image = images.store_image(
                    clean_image, " ".join(self.cleaned_data["image_description"].split())
                )
                initiative.image = self.stored_image
            initiative.save()
            self.save_m2m()
        return initiative

    def discard_stored_files(self):
        """After a rollback: remove the file of an image whose row is gone."""
        images.delete_stored_file(self.stored_image)
        self.stored_image = None


class RejectForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the submitter"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Explain briefly why the initiative is not placed on the map."),
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, comma-separated, with a header row. At most 5 MB."),
    )
