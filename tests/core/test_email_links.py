"""Every link in every email starts with BASE_URL, whatever the Wagtail Site
record says, and works when followed; `ensure_admin` and the demo loader
give the default Site the hostname and port of BASE_URL."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Site

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.factories import domains
from core.links import base_url_host_and_port, sync_default_site
from core.models import OutgoingEmail, PortalSettings
from directory.factories import DirectoryPageFactory
from directory.models import ContactRequest, PartnerProfile
from directory.roles import ensure_moderation_group
from tests.directory.conftest import contact_data, form_token
from tests.directory.test_registration import registration_data
from tests.editorial.conftest import login, people, review_page, submit  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8301"
URL = re.compile(r"https?://[^\s<>\"»)]+")


def links_of(email):
    return URL.findall(email.body)


def path_of(url):
    assert url.startswith(BASE + "/"), url
    return url[len(BASE) :]


def only_link(purpose):
    """The one link of the latest email of this purpose, as it was sent (the
    stored copy keeps no usable bearer link once sent)."""
    stored = OutgoingEmail.objects.filter(purpose=purpose).latest("pk")
    (sent,) = [m for m in mail.outbox if m.subject == stored.subject and m.to == stored.recipients][-1:]
    (url,) = links_of(sent)
    return path_of(url)


@pytest.fixture
def directory_page(site, home_page):
    domains()
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def elsewhere(site):
    """The Site record names another host than BASE_URL."""
    site.hostname, site.port = "interne.local", 8080
    site.save()
    return site


@override_settings(BASE_URL=BASE)
def test_every_directory_email_link_starts_with_base_url_and_works(
    client,
    directory_page,
    elsewhere,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    PortalSettings.objects.update_or_create(site=elsewhere, defaults={"contact_email": "moderation@example.org"})
    # Registration → confirmation link.
    with capture(execute=True):
        assert client.post("/annuaire/inscription/", registration_data(client)).status_code == 200
    profile = PartnerProfile.objects.get()
    confirm = only_link("directory-confirm")
    assert client.get(confirm).status_code == 200
    assert client.post(confirm).status_code == 200
    assert PartnerProfile.objects.get().email_confirmed_at is not None

    # Moderation outcome → manage link.
    moderator = User.objects.create_user("moderatrice", password="x")
    moderator.groups.add(ensure_moderation_group())
    staff = Client()
    staff.force_login(moderator)
    with capture(execute=True):
        assert staff.post(f"/admin/directory/partnerprofile/{profile.pk}/approuver/").status_code == 302
    assert Client().post(only_link("directory-moderation")).status_code == 302  # opens "Gérer mon profil"

    # "Gérer mon profil" asked for by email → manage link.
    data = {"email": profile.email, TIMESTAMP_FIELD: form_token(client, "/annuaire/gerer/"), HONEYPOT_FIELD: ""}
    with capture(execute=True):
        client.post("/annuaire/gerer/", data)
    partner = Client()
    response = partner.post(only_link("directory-manage"))
    assert response.status_code == 302
    assert partner.get(response["Location"]).status_code == 200

    # Contact request → accept and decline links.
    url = f"/annuaire/profil/{profile.pk}/contact/"
    for _ in range(2):
        with capture(execute=True):
            assert client.post(url, contact_data(client, url)).status_code == 200
    stored = OutgoingEmail.objects.filter(purpose="directory-contact").order_by("pk")
    first, second = [m for m in mail.outbox if m.subject == stored[0].subject and m.to == stored[0].recipients]
    accept = next(path_of(u) for u in links_of(first) if "/accepter/" in u)
    decline = next(path_of(u) for u in links_of(second) if "/decliner/" in u)
    assert len(links_of(first)) == 2
    assert client.get(accept).status_code == 200
    with capture(execute=True):
        assert client.post(accept).status_code == 200
        assert client.post(decline).status_code == 200
    assert sorted(ContactRequest.objects.values_list("status", flat=True)) == ["accepted", "declined"]
    # The decline email's "élargir votre recherche" link.
    widen = only_link("directory-contact-declined")
    assert widen == "/annuaire/"
    assert client.get(widen).status_code == 200

    # A report → the moderators' admin link.
    report = f"/annuaire/profil/{profile.pk}/signaler/"
    with capture(execute=True):
        client.post(report, {"reason": "autre", "message": "", TIMESTAMP_FIELD: form_token(client, report)})
    assert staff.get(only_link("directory-report")).status_code == 200

    every_link = [u for e in OutgoingEmail.objects.all() for u in links_of(e)]
    assert len(every_link) >= 7
    assert all(u.startswith(BASE + "/") for u in every_link), every_link
    assert not any("interne.local" in e.body for e in OutgoingEmail.objects.all())


@override_settings(BASE_URL=BASE)
def test_editorial_notification_links_start_with_base_url_and_work(client, people, review_page, elsewhere):  # noqa: F811
    assert submit(login(client, people["editor"]), review_page, intro="À relire.").status_code == 302
    emails = OutgoingEmail.objects.filter(purpose__startswith="editorial")
    assert emails.exists()
    reviewer = Client()
    reviewer.force_login(people["patient"])
    for email in emails:
        (url,) = links_of(email)
        assert reviewer.get(path_of(url)).status_code == 200


@pytest.mark.parametrize(
    ("base_url", "expected"),
    [
        ("http://127.0.0.1:8301", ("127.0.0.1", 8301)),
        ("https://partenariat.example.org", ("partenariat.example.org", 443)),
        ("http://portail.local/", ("portail.local", 80)),
    ],
)
def test_base_url_host_and_port(settings, base_url, expected):
    settings.BASE_URL = base_url
    assert base_url_host_and_port() == expected


@override_settings(BASE_URL=BASE)
def test_ensure_admin_gives_the_default_site_the_base_url_address(elsewhere, tmp_path, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "un-mot-de-passe-de-test")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8301)
    assert "127.0.0.1:8301" in out.getvalue()
    # What Wagtail builds from the Site record (sitemap, canonical) now agrees.
    assert site.root_url == BASE


@override_settings(BASE_URL=BASE)
def test_an_address_already_taken_by_another_site_is_left_alone(elsewhere, root_page):
    from wagtail.models import Page

    other_root = root_page.add_child(instance=Page(title="Autre", slug="autre"))
    Site.objects.create(hostname="127.0.0.1", port=8301, root_page=other_root)
    assert sync_default_site() is None
    elsewhere.refresh_from_db()
    assert (elsewhere.hostname, elsewhere.port) == ("interne.local", 8080)
