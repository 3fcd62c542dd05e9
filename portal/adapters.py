"""How django-allauth fits the portal: its e-mails go through the worker, the page a
visitor came from survives the e-mail verification, and its rate limits find the
client's address as the portal's own do (behind TRUSTED_PROXY_COUNT proxies)."""

from urllib.parse import urlencode

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_next_redirect_url

from . import ratelimit
from .emails import send_later


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        send_later(self.render_mail(template_prefix, email, context))

    def get_email_confirmation_url(self, request, emailconfirmation):
        """Someone who signs up from a leerkring or event page (`?next=`) returns there
        after following the link in the verification e-mail."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        next_url = get_next_redirect_url(request) if request else None
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url

    def get_client_ip(self, request):
        """allauth's rate limits count per client the same way as the portal's own,
        behind the same trusted proxies."""
        return ratelimit.client_ip(request)
