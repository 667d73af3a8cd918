"""French typography at render time (core/typography.py): the rules, their
edge cases (URLs, times, ratios, code, attributes, entities), where the
middleware applies and where it must not (the admin), and emails."""

import re

import pytest
from django.core import mail

from core.emails import render_email
from core.typography import NBSP, NNBSP, typographize_html, typographize_plain
from home.factories import HomePageFactory, StandardPageFactory

F = NNBSP


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Date : 12 mai", f"Date{F}: 12 mai"),
        ("Pourquoi ? Parce que ; voilà !", f"Pourquoi{F}? Parce que{F}; voilà{F}!"),
        ("Bonjour! Ça va?", f"Bonjour{F}! Ça va{F}?"),
        ("Note: à lire", f"Note{F}: à lire"),
        ("« bonjour »", f"«{F}bonjour{F}»"),
        ("«bonjour»", f"«{F}bonjour{F}»"),
        ("la charte « Des mots » : lue", f"la charte «{F}Des mots{F}»{F}: lue"),
        ("l'annuaire, aujourd'hui", "l\u2019annuaire, aujourd\u2019hui"),
        ("n° 2, N°12", f"n°{NBSP}2, N°{NBSP}12"),
        ("À 12 h 30, puis 9 h.", f"À 12{NBSP}h{NBSP}30, puis 9{NBSP}h."),
        ("10 000 partenaires", f"10{F}000{F}partenaires"),
        ("1 250 000 €", f"1{F}250{F}000{F}€"),
        ("50 %", f"50{F}%"),
        ("3 ans, 20 projets", f"3{F}ans, 20{F}projets"),
        # Left alone: times, ratios, years next to numbers, URLs, addresses.
        ("12:30 et 1:3", "12:30 et 1:3"),
        ("en 2024 250 fiches", "en 2024 250 fiches"),
        ("https://exemple.fr/a?q=b:c;d!", "https://exemple.fr/a?q=b:c;d!"),
        ("mailto:aline@example.org", "mailto:aline@example.org"),
        ("Écrire à aline.a@example.org : merci", f"Écrire à aline.a@example.org{F}: merci"),
        ("", ""),
    ],
)
def test_plain_text_rules(raw, expected):
    assert typographize_plain(raw) == expected


def test_rules_are_idempotent():
    once = typographize_plain("Date : « 12 h 30 » ; n° 2 : l'été ! 10 000 €")
    assert typographize_plain(once) == once
    html = typographize_html("<p>Date : « l&#x27;été »</p>")
    assert typographize_html(html) == html


def test_a_long_run_of_spaces_stays_linear():
    # A pathological input must not take quadratic time (the rule once did).
    text = "a" + " " * 50_000 + "b"
    assert typographize_plain(text) == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Text nodes only: attributes and URLs in them are never touched.
        ('<a href="/x?y=1" title="a : b">Lien : ici</a>', f'<a href="/x?y=1" title="a : b">Lien{F}: ici</a>'),
        ('<input value="a : b" aria-label="Nom : x">', '<input value="a : b" aria-label="Nom : x">'),
        # Code, preformatted text, scripts, styles, form values.
        ("<pre>a : b</pre> c : d", f"<pre>a : b</pre> c{F}: d"),
        ("<p><code>x ; y</code> z ?</p>", f"<p><code>x ; y</code> z{F}?</p>"),
        ("<script>a ? b : c</script><style>a:b</style>", "<script>a ? b : c</script><style>a:b</style>"),
        ("<textarea>Bonjour : moi</textarea>", "<textarea>Bonjour : moi</textarea>"),
        ("<kbd>Ctrl : A</kbd><samp>x : y</samp>", "<kbd>Ctrl : A</kbd><samp>x : y</samp>"),
        ("<!-- a : b -->", "<!-- a : b -->"),
        # Across an inline element, with template indentation.
        ("<strong>Date</strong>\n    : 12 mai", f"<strong>Date</strong>{F}: 12 mai"),
        # Entities: the apostrophe Django escapes, no-break spaces, and an
        # ampersand whose entity ends with a semicolon.
        ("d&#x27;Occitanie, l&#39;été", "d\u2019Occitanie, l\u2019été"),
        # An elision before an element (a lexicon link).
        (
            "encourager l'<a href=\"/x\">engagement</a>, qu'<em>il</em>",
            'encourager l\u2019<a href="/x">engagement</a>, qu\u2019<em>il</em>',
        ),
        ("Date&nbsp;: 12", f"Date{F}: 12"),
        ("A &amp; B ; C &lt;D&gt;", f"A &amp; B{F}; C &lt;D&gt;"),
    ],
)
def test_html_rules(raw, expected):
    assert typographize_html(raw) == expected


@pytest.mark.django_db
def test_public_pages_get_the_typography(client):
    home = HomePageFactory()
    page = StandardPageFactory(parent=home, title="Charte : « valeurs »", slug="charte")
    html = client.get(page.url).content.decode()
    assert f"<h1>Charte{F}: «{F}valeurs{F}»</h1>" in html or f">Charte{F}: «{F}valeurs{F}»<" in html
    assert "Charte :" not in html


@pytest.mark.django_db
def test_the_admin_is_left_alone(admin_client):
    # The rich-text editor would save no-break spaces back into the content.
    home = HomePageFactory()
    page = StandardPageFactory(parent=home, title="Charte : valeurs", slug="charte")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Charte : valeurs" in html
    assert f"Charte{F}:" not in html


@pytest.mark.django_db
def test_previews_show_the_typography_of_the_public_page(admin_client):
    home = HomePageFactory()
    page = StandardPageFactory(parent=home, title="Charte : valeurs", slug="charte")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = {"title": "Charte : aperçu", "slug": "charte", "body-count": "0"}
    admin_client.post(url, data)
    html = admin_client.get(url + "?mode=").content.decode()
    assert f"Charte{F}: aperçu" in html


@pytest.mark.django_db
def test_non_html_responses_are_untouched(client):
    HomePageFactory()
    body = client.get("/robots.txt").content.decode()
    assert NNBSP not in body


def test_emails_get_the_typography_but_not_their_links(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]},
    ]
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "m_subject.txt").write_text("Votre demande : reçue !")
    (tmp_path / "t" / "m.txt").write_text(
        "{% autoescape off %}Bonjour {{ name }},\nVoir : {{ url }} ; merci.{% endautoescape %}"
    )
    subject, body = render_email("t/m", {"name": "L'Hôte", "url": "https://portail.example/a?b=c:d"})
    assert subject == f"Votre demande{F}: reçue{F}!"
    assert body == f"Bonjour L\u2019Hôte,\nVoir{F}: https://portail.example/a?b=c:d{F}; merci.\n"
    assert not mail.outbox


@pytest.mark.django_db
def test_no_ordinary_space_before_a_colon_in_a_rendered_page(client):
    home = HomePageFactory()
    page = StandardPageFactory(
        parent=home,
        title="Accueil",
        slug="accueil",
        body__0__paragraph__value="<p>Rendez-vous : le 12 mai à 9 h 30 ! Apportez « la charte » ; merci ?</p>",
    )
    html = client.get(page.url).content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert not re.search(r" [;:!?](\s|$)", text)
    assert not re.search(r"« | »", text)
