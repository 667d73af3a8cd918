"""Call pages: the form while open, a clear answer before and after (410 on
POST), applications stored then acknowledged through the outbox, the index
with open calls first and computed outcome figures at a constant query count."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from accompaniment.factories import ApplicationFactory, CallForProjectsPageFactory
from accompaniment.models import Application
from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD
from core.models import OutgoingEmail
from tests.utils import count_queries, plain


def form_data(client, url, **overrides):
    token = client.get(url).context["form"].initial[TIMESTAMP_FIELD]
    data = {
        "structure_name": "CH de Valfleuri (fictif)",
        "structure_type": "ch",
        "department_code": "34",
        "contact_name": "Alex Exemple (fictif)",
        "contact_email": "alex@example.org",
        "project_title": "Des patients partenaires à l'accueil des urgences",
        "summary": "Revoir l'accueil avec des personnes qui l'ont vécu.",
        "domain": "soins",
        "engagement_degree": "collaboration",
        "engagement_scale": "meso",
        "member_1_role": "Patiente partenaire",
        "member_1_partner": "on",
        "member_2_role": "Cadre de santé",
        "needs": "Recruter et former deux patients partenaires.",
        "consent": "on",
        TIMESTAMP_FIELD: token,
        HONEYPOT_FIELD: "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_open_call_stores_the_application_and_acknowledges_it(client, open_call, django_capture_on_commit_callbacks):
    url = open_call.url
    page = client.get(url)
    assert page.status_code == 200
    html = plain(page.content)
    assert "Appel ouvert." in html and "Envoyer la candidature" in html
    assert "appels@example.org" in html  # the generic contact, public
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(client, url))
    assert response.status_code == 200
    assert "Merci, votre candidature est enregistrée" in plain(response.content)
    application = Application.objects.get()
    assert application.call_id == open_call.pk and application.status == "recue" and not application.is_spam
    assert application.domain.slug == "soins"
    assert [(m.role, m.is_partner) for m in application.team.all()] == [
        ("Patiente partenaire", True),
        ("Cadre de santé", False),
    ]
    ack = OutgoingEmail.objects.get(purpose="accompaniment-ack")
    assert ack.status == OutgoingEmail.Status.SENT and ack.to == "alex@example.org"
    assert (
        "http://testserver/appels-a-projets/appel-ouvert/" in ack.body or "/appels-a-projets/appel-ouvert/" in ack.body
    )
    assert [m.to for m in mail.outbox] == [["alex@example.org"]]
    # The applicant's name and address never reach public HTML.
    assert "alex@example.org" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_invalid_application_gives_french_errors_and_keeps_what_was_typed(client, open_call):
    url = open_call.url
    data = form_data(client, url, contact_email="pas-une-adresse", member_1_role="", member_3_partner="on")
    del data["consent"]
    response = client.post(url, data)
    assert response.status_code == 400
    html = plain(response.content)
    assert "Saisissez une adresse de courriel valide." in html
    assert "Cochez cette case pour que nous puissions instruire" in html
    assert "Indiquez le rôle de ce membre" in html
    assert 'value="pas-une-adresse"' in html and "Revoir l&#x27;accueil avec des personnes" in html
    assert re.search(r'aria-describedby="[^"]*id_member_1_role-erreur', html)
    assert not Application.objects.exists() and not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_spam_is_stored_flagged_and_not_acknowledged(client, open_call, django_capture_on_commit_callbacks):
    url = open_call.url
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(client, url, **{HONEYPOT_FIELD: "http://spam.example"}))
    assert response.status_code == 200
    assert Application.objects.get().is_spam
    assert not OutgoingEmail.objects.exists()


@pytest.mark.django_db
def test_closed_call_has_no_form_and_a_post_answers_410(client, open_call, closed_call):
    data = form_data(client, open_call.url)
    response = client.get(closed_call.url)
    assert response.status_code == 200
    html = plain(response.content)
    assert "Appel clos : les candidatures ne sont plus acceptées." in html
    assert "<form" not in html.split("<main", 1)[1].split("</main>")[0] or "Envoyer la candidature" not in html
    response = client.post(closed_call.url, data)
    assert response.status_code == 410
    assert "Cet appel n'accepte pas de candidature" in plain(response.content)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_upcoming_call_says_so_and_refuses_a_post(client, calls_index):
    today = timezone.localdate()
    call = CallForProjectsPageFactory(
        parent=calls_index, opens_on=today + datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=9)
    )
    html = plain(client.get(call.url).content)
    assert "Appel à venir" in html and "Envoyer la candidature" not in html
    assert client.post(call.url, {"structure_name": "x"}).status_code == 410


@pytest.mark.django_db
def test_the_closing_day_is_a_local_date(client, calls_index, settings):
    """The form closes at midnight in Paris, not in UTC: at 23:30 UTC on the
    closing day it is already the next day in Paris."""
    call = CallForProjectsPageFactory(
        parent=calls_index, opens_on=datetime.date(2026, 6, 1), closes_on=datetime.date(2026, 6, 30)
    )
    late = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=datetime.UTC)  # 1 July, 01:30 in Paris
    with mock.patch("django.utils.timezone.now", return_value=late):
        assert timezone.localdate() == datetime.date(2026, 7, 1)
        assert client.post(call.url, {}).status_code == 410
    evening = datetime.datetime(2026, 6, 30, 21, 30, tzinfo=datetime.UTC)  # 23:30 in Paris
    with mock.patch("django.utils.timezone.now", return_value=evening):
        assert call.is_open()


def add_applications(call, n, start=0):
    statuses = ["recue", "recevable", "irrecevable", "retenue", "non-retenue"]
    for i in range(start, start + n):
        ApplicationFactory(call=call, status=statuses[i % 5])


@pytest.mark.django_db
def test_index_lists_open_calls_first_and_computes_closed_figures(client, calls_index, open_call, closed_call):
    add_applications(closed_call, 10)
    ApplicationFactory(call=closed_call, is_spam=True, status="recue")
    response = client.get(calls_index.url)
    assert response.status_code == 200
    html = plain(response.content)
    assert html.index("Appel ouvert (fictif)") < html.index("Appel clos (fictif)")
    figures = re.sub(r"\s+", " ", html.split("Appels clos et leurs résultats", 1)[1])
    # 10 received (spam not counted), 6 eligible (recevable + retenue + non retenue), 2 retained.
    assert "Candidatures reçues</dt><dd>10</dd>" in figures.replace(" <", "<").replace("> ", ">")
    assert "Recevables</dt><dd>6</dd>" in figures.replace(" <", "<").replace("> ", ">")
    assert "Retenues</dt><dd>2</dd>" in figures.replace(" <", "<").replace("> ", ">")


@pytest.mark.django_db
def test_index_query_count_is_the_same_at_two_sizes(client, calls_index, open_call, closed_call):
    add_applications(closed_call, 3)
    client.get(calls_index.url)
    _response, small = count_queries(client, calls_index.url)
    for _ in range(4):
        call = CallForProjectsPageFactory(
            parent=calls_index, closes_on=timezone.localdate() - datetime.timedelta(days=1)
        )
        add_applications(call, 8)
    add_applications(closed_call, 30, start=3)
    client.get(calls_index.url)
    response, large = count_queries(client, calls_index.url)
    assert response.status_code == 200
    assert small == large, (small, large)
