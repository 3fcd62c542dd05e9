"""The public pages are built on the NL Design System's components, served from our origin."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders

VENDOR = Path(settings.BASE_DIR) / "static" / "vendor" / "utrecht"


class EveryWidgetForm(forms.Form):
    name = forms.CharField(max_length=10)
    email = forms.EmailField(help_text="We sturen je een link.")
    message = forms.CharField(widget=forms.Textarea)
    sector = forms.ChoiceField(choices=[("a", "Gemeente"), ("b", "Provincie")])
    themes = forms.MultipleChoiceField(
        choices=[("a", "Open Data")], widget=forms.CheckboxSelectMultiple
    )
    kind = forms.ChoiceField(choices=[("a", "Webinar")], widget=forms.RadioSelect)
    agree = forms.BooleanField()
    secret = forms.CharField(widget=forms.HiddenInput)


def classes_of(html, name):
    return re.search(
        rf'<(?:input|textarea|select)[^>]*name="{name}"[^>]*class="([^"]*)"', html
    ).group(1)


def test_every_form_field_is_drawn_by_its_nl_design_system_component():
    html = str(EveryWidgetForm())
    assert "utrecht-textbox utrecht-textbox--html-input" in classes_of(html, "name")
    assert "utrecht-textbox" in classes_of(html, "email")
    assert "utrecht-textarea utrecht-textarea--html-textarea" in classes_of(html, "message")
    assert "utrecht-select utrecht-select--html-select" in classes_of(html, "sector")
    assert "utrecht-checkbox utrecht-checkbox--html-input" in classes_of(html, "themes")
    assert "utrecht-radio-button utrecht-radio-button--html-input" in classes_of(html, "kind")
    assert "utrecht-checkbox" in classes_of(html, "agree")
    assert 'class="utrecht-form-label"' in html
    assert 'class="helptext utrecht-form-field-description' in html
    assert "utrecht-form-field--checkbox" in html  # the box beside its label
    assert re.search(r'<input type="hidden" name="secret"(?![^>]*class=)[^>]*>', html)
    assert "<option" in html and not re.search(r"<option[^>]*utrecht", html)


def test_a_field_in_error_is_marked_for_eyes_and_screen_readers():
    form = EveryWidgetForm(data={"name": "x" * 11})
    html = str(form)
    assert "utrecht-form-field--invalid" in html and "field--error" in html
    assert "utrecht-textbox--invalid" in classes_of(html, "name")
    assert re.search(r'name="name"[^>]*aria-invalid="true"', html)
    assert 'class="errorlist utrecht-form-field-error-message' in html


def test_the_component_css_is_a_small_pinned_subset_with_its_licence():
    css = (VENDOR / "components.css").read_text()
    version = (VENDOR / "VERSION").read_text()
    assert "version: 9.0.4" in version and "licence: EUPL-1.2" in version
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (VENDOR / "LICENSE.md").read_text()
    for component in re.findall(r"@utrecht/(\S+)-css (\S+)", version):
        assert f"/* @utrecht/{component[0]}-css {component[1]}" in css
    assert len(css.encode()) < 150_000  # not the whole 400 KB library
    assert finders.find("vendor/utrecht/components.css") and finders.find("css/theme.css")
    assert "http" not in re.sub(r"/\*.*?\*/", "", css, flags=re.S).replace("http://www.w3.org", "")


@pytest.mark.django_db
def test_pages_load_the_components_then_our_theme_then_our_layout(client):
    html = client.get("/account/login/").content.decode()
    links = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', html)
    assert links[:3] == ["vendor/utrecht/components.css", "css/theme.css", "css/portal.css"]
    assert '<html lang="nl" class="open-overheid-theme">' in html
    assert 'class="utrecht-document utrecht-document--surface' in html
