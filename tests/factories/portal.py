"""The portal's own objects: themes, and the base of every page factory."""

import factory

from portal.models import HomePage, StandardPage, Theme


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class PageFactory(factory.django.DjangoModelFactory):
    """A Wagtail page added under `parent` (the home page unless given) and published
    through a revision, as an editor does; `publish=False` leaves it a draft.

    A page type the site may hold once (`max_count = 1`, such as the blog's index) is
    returned when it is there already, so any test may ask for it."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(lambda: HomePage.objects.get())
    publish = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish, **kwargs):
        if model_class.max_count == 1 and (existing := model_class.objects.first()):
            return existing
        return cls._add_to_tree(model_class(*args, live=False, **kwargs), parent, publish)

    @classmethod
    def _add_to_tree(cls, page, parent, publish):
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return type(page).objects.get(pk=page.pk)


class StandardPageFactory(PageFactory):
    """A published page of the portal's own, under the home page."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Pagina {n}")
    intro = "Een pagina van het portaal."
