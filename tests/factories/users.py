"""People with an account, as they are after signing up and confirming their address."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.models import User

PASSWORD = "Een-goed-wachtwoord-42"


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress

    email = factory.SelfAttribute("user.email")
    verified = True
    primary = True


class UserFactory(factory.django.DjangoModelFactory):
    """An account with a verified e-mail address (allauth lets no one log in without
    one), the password PASSWORD and, given `group="Redacteuren"`, a role."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    password = PASSWORD
    full_name = factory.Sequence(lambda n: f"Persoon {n}")
    verified_address = factory.RelatedFactory(
        EmailAddressFactory, factory_related_name="user", email=factory.SelfAttribute("..email")
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """The manager's create_user, which hashes the password and lower-cases the
        address as signing up does."""
        return model_class.objects.create_user(*args, **kwargs)

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if extracted:
            self.groups.add(Group.objects.get(name=extracted))
