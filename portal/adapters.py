"""How django-allauth fits the portal: its e-mails go through the worker."""

from allauth.account.adapter import DefaultAccountAdapter

from .emails import send_later


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        send_later(self.render_mail(template_prefix, email, context))
