from django.urls import reverse


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the admin's
    home page (and a message); a plain 403 is fine too."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )
