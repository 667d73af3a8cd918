"""The barometer's public pages: filling in (draft and final), results,
sessions and rounds, bad input, rate limits, privacy."""

import csv
import io
import re

import pytest
from django.test import override_settings

from tests.tools.conftest import all_values, answer_data, criteria_of
from tools.models import BarometerAnswer, BarometerSession
from tools.radar import HEIGHT, RADIUS, WIDTH

pytestmark = pytest.mark.django_db


def new_url(page):
    return page.url + page.reverse_subpage("answer_new")


def test_the_page_offers_solo_and_team_use_and_lists_the_dimensions(client, barometer):
    html = client.get(barometer.url).content.decode()
    assert client.get(barometer.url).status_code == 200
    assert 'href="/fiches-outils/barometre/repondre/"' in html
    assert 'action="/fiches-outils/barometre/session/nouvelle/"' in html
    for name in ("Co-expression", "Co-construction", "Co-décision"):
        assert name in html


def test_a_complete_answer_gives_scores_radar_and_table(client, barometer, dimensions):
    values = all_values({"Critère a1": 4, "Critère a2": 2, "Critère b1": 0, "Critère b2": 1, "Critère b3": 2})
    values["Critère c1"] = 3
    response = client.post(new_url(barometer), answer_data(client, new_url(barometer), dimensions, values=values))
    assert response.status_code == 302
    answer = BarometerAnswer.objects.get()
    assert answer.completed and answer.role == "patient" and answer.session is None
    assert len(answer.token) >= 32  # 24 random bytes, URL-safe
    assert response["Location"] == f"/fiches-outils/barometre/reponse/{answer.token}/resultat/"

    result = client.get(response["Location"])
    html = result.content.decode()
    assert result.status_code == 200
    # A = (4 + 2) / 2 = 3, B = (0 + 1 + 2) / 3 = 1, C = 3, overall = 7/3
    table = re.search(r"<caption>Scores par dimension.*?</table>", html, re.S).group(0)
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>([^<]+)</td>', table)
    assert rows == [
        ("Co-expression", "3,00"),
        ("Co-construction", "1,00"),
        ("Co-décision", "3,00"),
        ("Score global", "2,33"),
    ]
    # The SVG: three axes, and the points of the series where the scores are.
    svg = re.search(r'<svg class="radar__svg".*?</svg>', html, re.S).group(0)
    assert len(re.findall(r"<line ", svg)) == 3
    assert len(re.findall(r"data-axis=", svg)) == 3
    points = re.search(r'class="radar__series".*?<polygon points="([^"]+)"', svg, re.S).group(1)
    (x0, y0), (x1, y1), (x2, y2) = [tuple(map(float, p.split(","))) for p in points.split()]
    cx, cy = WIDTH / 2, HEIGHT / 2
    assert (x0, y0) == (cx, cy - RADIUS * 3 / 4)  # A = 3, straight up
    assert ((x1 - cx) ** 2 + (y1 - cy) ** 2) ** 0.5 == pytest.approx(RADIUS / 4, abs=0.02)  # B = 1
    assert ((x2 - cx) ** 2 + (y2 - cy) ** 2) ** 0.5 == pytest.approx(RADIUS * 3 / 4, abs=0.02)  # C = 3
    # Lowest criteria as discussion points.
    points_section = html.split("à discuter en priorité")[1].split("</ol>")[0]
    # b1 = 0, b2 = 1, then a2 and b3 tie at 2: the earlier one (a2) is kept.
    assert points_section.index("Critère b1") < points_section.index("Critère b2") < points_section.index("Critère a2")
    assert "Critère b3" not in points_section


def test_missing_answers_get_an_error_next_to_the_question_and_keep_the_others(client, barometer, dimensions):
    values = all_values({"Critère a1": 3})
    del values["Critère b2"]
    data = answer_data(client, new_url(barometer), dimensions, values=values, comments={"Co-expression": "Mon avis"})
    response = client.post(new_url(barometer), data)
    assert response.status_code == 400
    assert not BarometerAnswer.objects.exists()
    html = response.content.decode()
    b2 = next(c for c in criteria_of(dimensions) if c.text == "Critère b2")
    a1 = next(c for c in criteria_of(dimensions) if c.text == "Critère a1")
    # The error is inside b2's fieldset, tied to it with aria-describedby.
    assert f'aria-describedby="id_critere_{b2.pk}-erreur"' in html
    assert f'id="id_critere_{b2.pk}-erreur"' in html
    assert "Choisissez une valeur de 0 à 4 pour ce critère." in html
    assert f'href="#id_critere_{b2.pk}_0"' in html  # the summary links to the group
    # What was typed is kept.
    assert re.search(rf'name="critere_{a1.pk}" value="3"[^>]*checked', html)
    assert "Mon avis" in html
    assert re.search(r'name="role" value="patient"[^>]*checked', html)


@pytest.mark.parametrize("bad", ["5", "-1", "2.5", "deux"])
def test_out_of_range_values_are_rejected_even_in_a_draft(client, barometer, dimensions, bad):
    data = answer_data(client, new_url(barometer), dimensions, values=all_values(), finish=False)
    a1 = next(c for c in criteria_of(dimensions) if c.text == "Critère a1")
    data[f"critere_{a1.pk}"] = bad
    response = client.post(new_url(barometer), data)
    assert response.status_code == 400
    assert "Choisissez une valeur entre 0 et 4." in response.content.decode()
    assert not BarometerAnswer.objects.exists()


def test_save_and_continue_later_through_the_private_link(client, barometer, dimensions):
    url = new_url(barometer)
    response = client.post(url, answer_data(client, url, dimensions, values={"Critère a1": 1}, finish=False))
    assert response.status_code == 302
    answer = BarometerAnswer.objects.get()
    assert not answer.completed
    edit = f"/fiches-outils/barometre/reponse/{answer.token}/"
    assert response["Location"] == edit + "?enregistre=1"
    html = client.get(response["Location"]).content.decode()
    assert "Vos réponses sont enregistrées" in html
    a1 = next(c for c in criteria_of(dimensions) if c.text == "Critère a1")
    assert re.search(rf'name="critere_{a1.pk}" value="1"[^>]*checked', html)
    # Later: finish from the same link.
    response = client.post(edit, answer_data(client, edit, dimensions, values=all_values({"Critère a1": 4})))
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.completed and answer.scores[str(a1.pk)] == 4
    assert BarometerAnswer.objects.count() == 1


def test_unknown_codes_are_404_pages_not_500(client, barometer):
    for suffix in (
        "session/inconnu/",
        "session/inconnu/repondre/",
        "session/inconnu/csv/",
        "gerer/inconnu/",
        "reponse/inconnu/",
        "reponse/inconnu/resultat/",
        "reponse/inconnu/csv/",
    ):
        response = client.get(barometer.url + suffix)
        assert response.status_code == 404, suffix
        assert "Page introuvable" in response.content.decode(), suffix
    response = client.get(barometer.url + "session/rejoindre/", {"code": "pas-un-code"})
    assert response.status_code == 404


def test_joining_by_pasting_the_link_or_the_code(client, barometer):
    session = BarometerSession.objects.create(label="Équipe test")
    for typed in (session.token, f"https://exemple.org/fiches-outils/barometre/session/{session.token}/"):
        response = client.get(barometer.url + "session/rejoindre/", {"code": typed})
        assert response.status_code == 302
        assert response["Location"] == f"/fiches-outils/barometre/session/{session.token}/"


def test_private_pages_are_noindex_and_out_of_the_sitemap(client, barometer, dimensions):
    url = new_url(barometer)
    client.post(url, answer_data(client, url, dimensions, values=all_values()))
    answer = BarometerAnswer.objects.get()
    session = BarometerSession.objects.create()
    for path in (
        url,
        f"{barometer.url}reponse/{answer.token}/resultat/",
        f"{barometer.url}session/{session.token}/",
        f"{barometer.url}gerer/{session.admin_token}/",
    ):
        response = client.get(path)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "same-origin"
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fiches-outils/barometre/" in sitemap
    assert answer.token not in sitemap and session.token not in sitemap and "/reponse/" not in sitemap


def test_creating_a_session_gives_a_share_link_and_a_separate_management_link(client, barometer):
    from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD

    form = client.get(barometer.url).context["session_form"]
    response = client.post(
        barometer.url + "session/nouvelle/",
        {"label": "Équipe parcours", TIMESTAMP_FIELD: form.initial[TIMESTAMP_FIELD], HONEYPOT_FIELD: ""},
    )
    session = BarometerSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/fiches-outils/barometre/gerer/{session.admin_token}/"
    assert session.token != session.admin_token and len(session.admin_token) >= 32
    html = client.get(response["Location"]).content.decode()
    assert f"/fiches-outils/barometre/session/{session.token}/" in html
    # The management secret never appears on the shared session page.
    assert session.admin_token not in client.get(f"/fiches-outils/barometre/session/{session.token}/").content.decode()


def join_and_answer(client, barometer, dimensions, session, role, values, comments=None):
    url = f"{barometer.url}session/{session.token}/repondre/"
    return client.post(url, answer_data(client, url, dimensions, role=role, values=values, comments=comments))


def test_session_overlays_roles_shows_spread_disagreements_and_rounds(client, barometer, dimensions):
    session = BarometerSession.objects.create(label="Équipe parcours")
    join_and_answer(client, barometer, dimensions, session, "professionnel", all_values(default=4))
    join_and_answer(
        client,
        barometer,
        dimensions,
        session,
        "patient",
        all_values({"Critère b2": 0}, default=3),
        comments={"Co-construction": "On nous consulte trop tard."},
    )
    assert BarometerAnswer.objects.filter(session=session, round=0, completed=True).count() == 2
    page_url = f"{barometer.url}session/{session.token}/"
    html = client.get(page_url).content.decode()
    # One polygon per role, plus everyone's average.
    assert re.findall(r'class="radar__series" data-series="([^"]+)"', html) == [
        "Professionnel ou professionnelle",
        "Patient ou proche-aidant partenaire",
        "Ensemble",
    ]
    # Professionals: 4 everywhere. Patient: A = 3, B = (3 + 0 + 3) / 3 = 2, C = 3.
    assert re.search(r'<th scope="row">Co-construction</th><td>4,00</td><td>2,00</td><td>3,00</td>', html)
    # Biggest disagreement first: b2 (4 vs 0).
    points = html.split("Les points à discuter")[1].split("</ol>")[0]
    assert points.index("Critère b2") < points.index("Critère a1")
    assert "écart de 4,00 points entre les rôles" in points
    # Spread per criterion: b2 goes from 0 to 4, standard deviation 2.
    assert re.search(
        r"Critère b2 <span[^>]*>\(Co-construction\)</span></th><td>2,00</td><td>0 – 4</td><td>2,00</td>", html
    )
    assert "On nous consulte trop tard." in html

    # The creator opens T1; a new answer counts there, and progress shows both rounds.
    manage = f"{barometer.url}gerer/{session.admin_token}/"
    assert client.post(manage, {"action": "nouveau-temps"}).status_code == 302
    session.refresh_from_db()
    assert session.current_round == 1
    join_and_answer(client, barometer, dimensions, session, "patient", all_values(default=4))
    assert BarometerAnswer.objects.get(session=session, round=1).role == "patient"
    html = client.get(page_url).content.decode()
    assert "Résultats du temps T1" in html
    assert re.findall(r'data-radar="([^"]+)"', html) == ["radar-roles", "radar-temps"]
    assert re.findall(r'data-radar="radar-temps".*?</svg>', html, re.S)
    progress = html.split("L’évolution d’un temps à l’autre")[1]
    assert re.findall(r'class="radar__series" data-series="([^"]+)"', progress) == ["T0", "T1"]
    # T0 everyone: A = 3.5, B = (3.5 + 2 + 3.5) / 3 = 3, C = 3.5 ; T1: 4 everywhere.
    assert re.search(r'<th scope="row">Co-construction</th><td>3,00</td><td>4,00</td>', progress)
    # Earlier rounds stay reachable.
    assert "Résultats du temps T0" in client.get(page_url, {"temps": "0"}).content.decode()
    assert client.get(page_url, {"temps": "x"}).status_code == 200


def test_drafts_do_not_count_in_the_session_results(client, barometer, dimensions):
    session = BarometerSession.objects.create()
    url = f"{barometer.url}session/{session.token}/repondre/"
    client.post(url, answer_data(client, url, dimensions, values={"Critère a1": 0}, finish=False))
    html = client.get(f"{barometer.url}session/{session.token}/").content.decode()
    assert "Aucune réponse validée pour ce temps (1 en cours)" in html
    assert "radar__series" not in html


def test_a_session_holds_at_most_50_answers(client, barometer, dimensions):
    session = BarometerSession.objects.create()
    BarometerAnswer.objects.bulk_create(
        [BarometerAnswer(session=session, role="patient", completed=True) for _ in range(50)]
    )
    url = f"{barometer.url}session/{session.token}/repondre/"
    response = client.get(url)
    assert response.status_code == 409
    assert "au plus 50 réponses" in response.content.decode()
    response = client.post(url, {"role": "patient", "valider": "1"})
    assert response.status_code == 409
    assert session.answers.count() == 50


@override_settings(PORTAL_BAROMETER_ANSWERS_PER_HOUR=2)
def test_new_answers_are_rate_limited_with_answers_kept(client, barometer, dimensions):
    url = new_url(barometer)
    for _ in range(2):
        assert client.post(url, answer_data(client, url, dimensions, values=all_values())).status_code == 302
    data = answer_data(client, url, dimensions, values=all_values({"Critère a1": 1}))
    response = client.post(url, data)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Trop d’envois" in html
    a1 = next(c for c in criteria_of(dimensions) if c.text == "Critère a1")
    assert re.search(rf'name="critere_{a1.pk}" value="1"[^>]*checked', html)
    assert BarometerAnswer.objects.count() == 2


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=1)
def test_opening_sessions_is_rate_limited(client, barometer):
    from core.antiabuse import HONEYPOT_FIELD, TIMESTAMP_FIELD

    token = client.get(barometer.url).context["session_form"].initial[TIMESTAMP_FIELD]
    data = {"label": "Équipe", TIMESTAMP_FIELD: token, HONEYPOT_FIELD: ""}
    assert client.post(barometer.url + "session/nouvelle/", data).status_code == 302
    response = client.post(barometer.url + "session/nouvelle/", data)
    assert response.status_code == 429
    assert 'value="Équipe"' in response.content.decode()
    assert BarometerSession.objects.count() == 1


def test_honeypot_answers_are_not_stored(client, barometer, dimensions):
    from core.antiabuse import HONEYPOT_FIELD

    url = new_url(barometer)
    data = answer_data(client, url, dimensions, values=all_values())
    data[HONEYPOT_FIELD] = "http://spam.example"
    assert client.post(url, data).status_code == 302
    assert not BarometerAnswer.objects.exists()


def test_the_creator_deletes_the_session_with_its_answers(client, barometer, dimensions):
    session = BarometerSession.objects.create()
    join_and_answer(client, barometer, dimensions, session, "ru", all_values())
    manage = f"{barometer.url}gerer/{session.admin_token}/"
    response = client.post(manage, {"action": "supprimer"})
    assert response.status_code == 400  # not confirmed
    assert "Cochez la case pour confirmer" in response.content.decode()
    response = client.post(manage, {"action": "supprimer", "confirm": "on"})
    assert response.status_code == 200
    assert not BarometerSession.objects.exists() and not BarometerAnswer.objects.exists()
    assert client.get(f"{barometer.url}session/{session.token}/").status_code == 404


def test_a_person_deletes_their_own_answer(client, barometer, dimensions):
    url = new_url(barometer)
    client.post(url, answer_data(client, url, dimensions, values=all_values()))
    answer = BarometerAnswer.objects.get()
    delete = f"{barometer.url}reponse/{answer.token}/supprimer/"
    assert client.get(delete).status_code == 200
    assert BarometerAnswer.objects.exists()
    assert client.post(delete).status_code == 200
    assert not BarometerAnswer.objects.exists()


def test_csv_exports(client, barometer, dimensions):
    session = BarometerSession.objects.create()
    join_and_answer(client, barometer, dimensions, session, "ru", all_values({"Critère a1": 4}, default=1))
    answer = BarometerAnswer.objects.get()
    response = client.get(f"{barometer.url}reponse/{answer.token}/csv/")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Dimension;Critère;Valeur (0 à 4)"
    assert "Co-expression;Critère a1;4" in lines
    assert "Co-expression;Score de la dimension;2,50" in lines
    assert lines[-1] == "Ensemble;Score global;1,50"  # (2.5 + 1 + 1) / 3
    rows = client.get(f"{barometer.url}session/{session.token}/csv/").content.decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Temps;Rôle;Co-expression — Critère a1;")
    assert rows[1].startswith("T0;Représentant ou représentante des usagers;4;1;1;1;1;1;2,50;1,00;1,00;1,50")
    assert answer.token not in "".join(rows)


def test_csv_exports_neutralise_formulas(client, barometer, dimensions):
    criterion = dimensions[0].criteria.first()
    criterion.text = ' =HYPERLINK("http://evil.example")'
    criterion.save()
    session = BarometerSession.objects.create()
    values = all_values({criterion.text: 1}, default=1)
    join_and_answer(client, barometer, dimensions, session, "ru", values)
    answer = BarometerAnswer.objects.get()
    lines = client.get(f"{barometer.url}reponse/{answer.token}/csv/").content.decode("utf-8-sig").splitlines()
    assert 'Co-expression;"\' =HYPERLINK(""http://evil.example"")";1' in lines
    dimensions[0].name = "@Co-expression"
    dimensions[0].save()
    content = client.get(f"{barometer.url}session/{session.token}/csv/").content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(content), delimiter=";") for cell in row]
    assert any("@Co-expression" in cell for cell in cells)
    assert not [cell for cell in cells if cell.lstrip()[:1] in ("=", "+", "-", "@")]


def test_session_page_query_count_does_not_grow_with_answers(client, barometer, dimensions):
    from tests.utils import count_queries

    session = BarometerSession.objects.create()
    criteria = criteria_of(dimensions)

    def add(count):
        BarometerAnswer.objects.bulk_create(
            [
                BarometerAnswer(
                    session=session,
                    role=("professionnel", "patient", "ru", "autre")[n % 4],
                    scores={str(c.pk): (n + i) % 5 for i, c in enumerate(criteria)},
                    comments={str(dimensions[0].pk): f"Commentaire {n}"},
                    completed=True,
                )
                for n in range(count)
            ]
        )

    url = f"{barometer.url}session/{session.token}/"
    add(2)
    client.get(url)  # warm caches (site root paths, settings)
    response, small = count_queries(client, url)
    assert response.status_code == 200
    add(38)
    response, large = count_queries(client, url)
    assert response.status_code == 200
    assert "40 réponses validées" in response.content.decode()
    assert small == large, (small, large)


def test_sessions_and_answers_are_never_search_documents():
    from wagtail.search.index import get_indexed_models

    from tools.models import SelfAssessmentPage

    indexed = set(get_indexed_models())
    assert BarometerSession not in indexed and BarometerAnswer not in indexed
    assert SelfAssessmentPage in indexed  # the public page itself is searchable


@override_settings(PORTAL_BAROMETER_ANSWERS_PER_HOUR=3)
def test_guessing_session_codes_is_rate_limited(client, barometer):
    join = barometer.url + "session/rejoindre/"
    for n in range(3):
        assert client.get(join, {"code": f"essai-{n}"}).status_code == 404
    response = client.get(join, {"code": "essai-4"})
    assert response.status_code == 429
    assert 'value="essai-4"' in response.content.decode()


def test_result_page_query_count_does_not_grow_with_the_session(client, barometer, dimensions):
    from tests.utils import count_queries

    session = BarometerSession.objects.create()
    criteria = criteria_of(dimensions)

    def add(count):
        BarometerAnswer.objects.bulk_create(
            [
                BarometerAnswer(
                    session=session,
                    role=("professionnel", "patient")[n % 2],
                    scores={str(c.pk): (n + i) % 5 for i, c in enumerate(criteria)},
                    completed=True,
                )
                for n in range(count)
            ]
        )

    add(2)
    url = f"{barometer.url}reponse/{BarometerAnswer.objects.first().token}/resultat/"
    client.get(url)
    _, small = count_queries(client, url)
    add(38)
    response, large = count_queries(client, url)
    assert "Moyenne de la session (T0)" in response.content.decode()
    assert small == large, (small, large)
