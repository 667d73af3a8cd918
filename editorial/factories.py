"""Factories of the editorial side: people of the working group, each in
the groups of their role (the groups themselves come from editorial.roles)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "mot-de-passe-de-test"  # noqa: S105 (test accounts only)


class UserFactory(factory.django.DjangoModelFactory):
    """A person who can sign in with PASSWORD; `groups=[group name, …]`."""

    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*(Group.objects.get(name=name) for name in extracted))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
