"""Typography of the directory's texts: no double full stop after an initial,
no "(…). :" in error summaries, booleans as Oui/Non, "Choisir…" as the empty
choice of a drop-down, "Hérault (34) — 1" in the facets."""

import csv
import io
import re
import time
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.core import mail

from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from directory.factories import ContactRequestFactory
from directory.views import SESSION_KEY
from tests.utils import plain

from .conftest import contact_data, form_token

pytestmark = pytest.mark.django_db

DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")), delimiter=";"))


def text(response):
    return plain(unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.fixture
def aline(make_profile):
    return make_profile(
        display_name="Aline A.", email="aline.a@example.org", department="34", remote_ok=False, consent_health=False
    )


def test_no_double_full_stop_after_an_initial(client, aline, django_capture_on_commit_callbacks):
    url = f"/annuaire/profil/{aline.pk}/contact/"
    pages = [client.get(f"/annuaire/profil/{aline.pk}/"), client.get(url)]
    with django_capture_on_commit_callbacks(execute=True):
        pages.append(client.post(url, contact_data(client, url)))
    (to_partner,) = [m for m in mail.outbox if m.to == ["aline.a@example.org"]]
    accept = re.search(r"http://[^\s]+(/annuaire/reponse/accepter/[^\s]+/)", to_partner.body).group(1)
    pages.append(client.get(accept))
    pages.append(client.get(accept.replace("accepter", "decliner")))
    with django_capture_on_commit_callbacks(execute=True):
        pages.append(client.post(accept))
    for response in pages:
        assert response.status_code == 200
        found = DOUBLE_STOP.search(text(response))
        assert not found, (response.request["PATH_INFO"], text(response)[found.start() - 40 : found.end() + 10])
    for message in mail.outbox:
        assert not DOUBLE_STOP.search(message.subject + "\n" + message.body), message.subject
    assert "Aline A., qui dispose de 21 jours" in text(pages[2])
    assert len(mail.outbox) == 4  # request, receipt, acceptance both ways


def test_error_summary_has_no_full_stop_before_the_colon(client, directory):
    url = "/annuaire/inscription/"
    response = client.post(url, {TIMESTAMP_FIELD: form_token(client, url), HONEYPOT_FIELD: ""})
    assert response.status_code == 400
    summary = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.S).group(0)
    summary = unescape(summary)
    assert "(nécessaire à l'inscription) : Cochez cette case" in plain(summary)
    assert ". :" not in plain(summary)


def test_empty_choices_read_choisir(client, aline):
    for url in (f"/annuaire/profil/{aline.pk}/contact/", "/annuaire/inscription/"):
        html = client.get(url).content.decode()
        assert "---------" not in html, url
        assert '<option value="" selected>Choisir…</option>' in html, url


def test_a_department_facet_reads_hérault_34_dash_count(client, aline):
    html = plain(unescape(re.sub(r"<[^>]+>", "", client.get("/annuaire/").content.decode())))
    assert "Hérault (34) — 1 résultat" in html and "1 résultats" not in html
    assert "(34) (1" not in html
    assert "Occitanie (1 résultat)" in html  # a label without parenthesis keeps its count in brackets


def test_booleans_read_oui_non_in_the_admin_and_the_csv_exports(client, aline):
    client.force_login(User.objects.create_superuser("admin-typo", "a@example.org", "x"))
    inspect = text(client.get(f"/admin/directory/partnerprofile/inspect/{aline.pk}/"))
    assert re.search(r"Accepte le travail à distance\s+Non", inspect)
    assert re.search(r"Consentement à afficher ses thèmes de santé\s+Non", inspect)
    assert "False" not in inspect and "True" not in inspect
    request = ContactRequestFactory(profile=aline, remote=True)
    inspect = text(client.get(f"/admin/directory/contactrequest/inspect/{request.pk}/"))
    assert re.search(r"Possible à distance\s+Oui", inspect) and "True" not in inspect
    rows = read_csv(client.get("/admin/directory/partnerprofile/export.csv"))
    header, row = rows[0], rows[1]
    assert row[header.index("distance")] == "Non" and row[header.index("consentement santé")] == "Non"
    # The partner's own CSV export.
    session = client.session
    session[SESSION_KEY] = {"id": aline.pk, "until": time.time() + 3600}
    session.save()
    own = dict(read_csv(client.get("/annuaire/gerer/profil/donnees/csv/")))
    assert own["distance"] == "Non" and own["themes_affiches"] == "Non" and own["referencement_moteurs"] == "Non"
