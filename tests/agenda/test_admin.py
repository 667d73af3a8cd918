"""Registrations are shown to editors in the admin, never to the public."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from agenda.factories import EventPageFactory, RegistrationFactory
from editorial.roles import EDITORS
from tests.utils import refused_by_the_admin

URL = "/admin/agenda_registrations/"


@pytest.mark.django_db
def test_editors_see_registrations_other_admin_users_do_not(client, agenda):
    event = EventPageFactory(parent=agenda)
    RegistrationFactory(name="Sacha Inscrit", event=event)
    other = get_user_model().objects.create_user("lambda", "lambda@example.org", "x")
    group = Group.objects.create(name="Sans droit (test)")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    other.groups.add(group)
    client.force_login(other)
    assert refused_by_the_admin(client.get(URL))
    editor = get_user_model().objects.create_user("redaction", "redaction@example.org", "x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200 and "Sacha Inscrit" in response.content.decode()
    client.logout()
    assert "Sacha" not in client.get(event.url).content.decode()
    assert client.get(URL).status_code == 302
