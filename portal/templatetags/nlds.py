"""NL Design System component classes for the public site's form widgets.

The public forms draw their fields through ``templates/django/forms/field.html`` (and the
filter forms through their own templates); they render each widget with this filter, which
adds the Utrecht component class that fits it: so a form, also one written later, gets the
NL Design System's text box, select, checkbox or radio button without a class per field.
Only the public templates use it: the Wagtail admin keeps its own widgets untouched
(its page editor failed to save with component classes on its inputs).
"""

import copy

from django import forms, template

register = template.Library()

# Input types the components do not cover: they keep the browser's own look.
PLAIN_INPUT_TYPES = frozenset(
    {"hidden", "file", "submit", "button", "reset", "image", "range", "color"}
)
CHOICE_LIST_TEMPLATE = "portal/forms/choice_list.html"
HTML_VARIANT = {
    "textbox": "html-input",
    "checkbox": "html-input",
    "radio-button": "html-input",
    "textarea": "html-textarea",
    "select": "html-select",
}


def component_of(widget):
    """The Utrecht component that draws this widget, or None."""
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, (forms.CheckboxInput, forms.CheckboxSelectMultiple)):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect):
        return "radio-button"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.widgets.Input) and widget.input_type not in PLAIN_INPUT_TYPES:
        return "textbox"
    return None


@register.filter
def nlds_widget(field):
    """The bound field's widget, with its component's classes added to its own, e.g.
    ``utrecht-textbox utrecht-textbox--html-input``."""
    component = component_of(field.field.widget)
    if not component:
        return field.as_widget()
    block = f"utrecht-{component}"
    classes = [
        field.field.widget.attrs.get("class", ""),
        block,
        f"{block}--{HTML_VARIANT[component]}",
    ]
    if field.errors:
        classes.append(f"{block}--invalid")
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        # Django gives a list of options the same classes as each option's input.
        widget = copy.copy(widget)
        widget.template_name = CHOICE_LIST_TEMPLATE
    return field.as_widget(widget=widget, attrs={"class": " ".join(c for c in classes if c)})


@register.filter
def nlds_field_class(field):
    """The classes of a bound field's group: the NL Design System's form field, plus our
    own ``field--required`` (the asterisk) and the older ``field``/``field--error``."""
    classes = ["field", "utrecht-form-field", "utrecht-form-field--distanced"]
    if field.widget_type == "checkbox":
        classes.append("utrecht-form-field--checkbox")
    if field.errors:
        classes += ["field--error", "utrecht-form-field--invalid"]
    if field.field.required:
        classes.append("field--required")
    return " ".join(classes)
