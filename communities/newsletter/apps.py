from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """The newsletter (issue #7): an app of its own inside the communities package,
    with the label `newsletter`, so its tables, migrations and permissions
    (`newsletter.view_subscriber`) are its own. It may use the leerkringen (topics),
    the blog and the agenda (blocks of an issue); nothing uses it but the frame."""

    name = "communities.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from portal import content_versions, personal_data, scheduling

        from . import privacy
        from .models import Mailing

        personal_data.register(
            "newsletter_subscriptions",
            export=privacy.export,
            erase=privacy.erase,
            models=["newsletter.Subscriber", "newsletter.Delivery"],
        )
        # An issue sent joins the archive.
        content_versions.follow(Mailing, "newsletter")
        scheduling.register(
            "delete_unconfirmed_subscribers", scheduling.command("delete_unconfirmed_subscribers")
        )
