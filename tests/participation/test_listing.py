"""The public listing (facets, free text, deadline at query time), a call's
page, the Atom feed and the site search; constant queries at two sizes."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from core.models import Domain
from home.models import HomePage, StandardPage
from participation.factories import AnswerFactory, CallFactory
from participation.models import Call, ParticipationPage
from tests.utils import count_queries, plain

from .conftest import BASE

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


class ParticipationPageTests(WagtailPageTestCase):
    def test_parent_and_children(self):
        self.assertAllowedParentPageTypes(ParticipationPage, {HomePage})
        self.assertAllowedSubpageTypes(ParticipationPage, set())
        self.assertCanNotCreateAt(StandardPage, ParticipationPage)


def test_routes_render(client, participation):
    call = CallFactory()
    for route in ("", "flux/", f"appel/{call.pk}/", f"appel/{call.pk}/repondre/", "proposer/", "alertes/"):
        assert client.get(BASE + route).status_code == 200, route
    assert call.get_absolute_url() == f"{BASE}appel/{call.pk}/"


def test_closed_expired_and_unmoderated_calls_are_out_everywhere(client, participation):
    shown = CallFactory(title="Appel ouvert visible")
    hidden = [
        CallFactory(title="Appel pourvu caché", status=Call.Status.FILLED),
        CallFactory(title="Appel clos caché", status=Call.Status.CLOSED),
        CallFactory(title="Appel à modérer caché", status=Call.Status.SUBMITTED),
        CallFactory(title="Appel expiré caché", deadline=timezone.localdate() - timedelta(days=1)),
    ]
    listing = plain(client.get(BASE).content)
    feed = client.get(BASE + "flux/").content.decode()
    search = plain(client.get("/recherche/", {"q": "appel"}).content)
    assert shown.title in listing and shown.title in feed
    for call in hidden:
        assert call.title not in listing and call.title not in feed and call.title not in search
        assert client.get(f"{BASE}appel/{call.pk}/").status_code == 404
    # The deadline is read at query time: today's deadline is still open.
    shown.deadline = timezone.localdate()
    shown.save()
    assert shown.title in plain(client.get(BASE).content)


def test_facets_and_free_text(client, participation):
    soins = Domain.objects.get(slug="soins") if Domain.objects.filter(slug="soins").exists() else Domain.objects.first()
    CallFactory(title="Atelier diabète", role="patient-formateur", departments=["31"], domain=soins)
    CallFactory(title="Comité d'usagers", role="representant-usagers", departments=["34"], compensation="benevolat")
    CallFactory(title="Recherche à distance", role="patient-chercheur", departments=[], remote=True)

    def titles(**params):
        return [c.title for c in client.get(BASE, params).context["results"]]

    assert titles(role="patient-formateur") == ["Atelier diabète"]
    assert titles(departement="34") == ["Comité d'usagers"]
    assert titles(distance="oui") == ["Recherche à distance"]
    assert titles(**{"prise-en-charge": "benevolat"}) == ["Comité d'usagers"]
    assert titles(domaine=soins.slug) == ["Atelier diabète"]
    assert titles(q="diabète") == ["Atelier diabète"]
    response = client.get(BASE, {"role": "inconnu"})
    assert response.status_code == 200 and len(response.context["results"]) == 3


def test_feed_is_atom_with_absolute_links_and_no_email(client, participation, settings):
    call = CallFactory(contact_email="secret-structure@example.org")
    response = client.get(BASE + "flux/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own feed)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [call.title]
    assert entries[0].find(f"{ATOM}link").get("href").startswith(settings.BASE_URL)
    assert "@" not in response.content.decode().replace("http://www.w3.org/2005/Atom", "")


def _listing_queries(client):
    return count_queries(client, BASE)[1], count_queries(client, BASE + "?role=patient-formateur&departement=31")[1]


def test_constant_queries_at_two_sizes(client, participation):
    for _index in range(3):
        call = CallFactory(departments=["31", "34"])
        AnswerFactory(call=call)
    _listing_queries(client)  # warm the per-process caches (site, settings)
    small = _listing_queries(client)
    count_queries(client, f"{BASE}appel/{call.pk}/")
    call_small = count_queries(client, f"{BASE}appel/{call.pk}/")[1]
    for index in range(30):
        call = CallFactory(
            departments=["31", "09"] if index % 2 else ["34"], role="pair-aidant" if index % 3 else "patient-formateur"
        )
        AnswerFactory(call=call)
        AnswerFactory(call=call)
    assert _listing_queries(client) == small
    assert count_queries(client, f"{BASE}appel/{call.pk}/")[1] == call_small
    assert count_queries(client, BASE + "flux/")[1] == count_queries(client, BASE + "flux/")[1]
