"""Rules every page type follows in the editor, checked for each Page subclass there
is, so a page type added later cannot forget them."""

import pytest
from wagtail.admin.panels import TitleFieldPanel
from wagtail.models import get_page_models


def panels_of(panel):
    yield panel
    for child in getattr(panel, "children", []):
        yield from panels_of(child)


@pytest.mark.parametrize("model", get_page_models(), ids=lambda model: model.__name__)
def test_every_page_type_fills_its_slug_from_the_title_as_the_editor_types(model):
    panels = list(panels_of(model.get_edit_handler()))
    [title] = [panel for panel in panels if getattr(panel, "field_name", None) == "title"]
    assert isinstance(title, TitleFieldPanel), f"{model.__name__}: use TitleFieldPanel('title')"
    assert "slug" in title.targets
    assert any(getattr(panel, "field_name", None) == "slug" for panel in panels)
