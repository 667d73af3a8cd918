"""The inline lexicon and the lexicon pages."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.rich_text import RichText

from home.factories import StandardPageFactory
from resources.factories import GlossaryTermFactory
from resources.lexicon import link_terms
from resources.models import GlossaryTerm

from .conftest import make_sheet

pytestmark = pytest.mark.django_db

TEMPLATE = Template(
    "{% load lexicon_tags %}<main>{% render_with_lexicon a %}</main><div>{% render_with_lexicon b %}</div>"
    "{% lexicon_box %}"
)


def render(a, b=""):
    request = RequestFactory().get("/")
    return TEMPLATE.render(Context({"a": RichText(a), "b": RichText(b), "request": request}))


def links(html):
    return html.count('class="lexicon-link"')


def test_first_occurrence_across_calls_is_linked_once(terms):
    html = render("<p>Un patient partenaire parle.</p>", "<p>Le patient partenaire revient.</p>")
    assert links(html) == 1
    assert (
        '<a class="lexicon-link" href="/fiches-outils/lexique/patient-partenaire/">patient partenaire</a> parle' in html
    )
    assert "Le patient partenaire revient" in html


def test_variants_accents_case_and_plurals(terms):
    html = render("<p>Les PATIENTS PARTENAIRES, l'education therapeutique du patient et la pair aidance.</p>")
    assert ">PATIENTS PARTENAIRES</a>" in html
    assert ">education therapeutique du patient</a>" in html
    assert ">pair aidance</a>" in html
    assert html.count("<dt>") == 3  # the box lists the three terms


def test_acronym_variant_and_whole_words_only(terms):
    html = render("<p>Le programme SETP et ETPX ne comptent pas ; l'ETP compte.</p>")
    assert links(html) == 1
    assert ">ETP</a> compte" in html


def test_headings_links_and_markup_are_left_alone(terms):
    source = (
        '<h2>Patient partenaire</h2><p><a href="/ailleurs/">patient partenaire</a> '
        '<abbr title="x">ETP</abbr> <code>pair-aidance</code></p>'
        "<p>Un <b>patient partenaire</b> ici.</p>"
    )
    html = render(source)
    assert "<h2>Patient partenaire</h2>" in html
    assert '<a href="/ailleurs/">patient partenaire</a>' in html
    assert '<abbr title="x">ETP</abbr>' in html and "<code>pair-aidance</code>" in html
    assert links(html) == 1
    assert '<b><a class="lexicon-link"' in html


def test_text_is_escaped_and_attributes_untouched(terms):
    html = render('<p title="patient partenaire">&lt;script&gt; patient partenaire &amp; co</p>')
    assert '<p title="patient partenaire">' in html
    assert "&lt;script&gt;" in html and "&amp; co" in html


def test_no_box_without_terms(terms):
    html = render("<p>Rien à signaler.</p>")
    assert "lexicon-box" not in html


def test_drafts_are_ignored_and_publishing_refreshes_the_lexicon(terms):
    draft = GlossaryTermFactory(term="Décision partagée", live=False)
    assert links(render("<p>Une décision partagée.</p>")) == 0
    draft.save_revision().publish()
    assert links(render("<p>Une décision partagée.</p>")) == 1


def test_a_saved_draft_does_not_change_the_site_until_published(terms):
    term = GlossaryTerm.objects.get(pk=terms["etp"].pk)
    assert links(render("<p>Un programme d'éducation thérapeutique.</p>")) == 0
    term.variants = "ETP\néducation thérapeutique"
    term.save_revision()  # draft only
    assert links(render("<p>Un programme d'éducation thérapeutique.</p>")) == 0
    term.save_revision().publish()
    assert links(render("<p>Un programme d'éducation thérapeutique.</p>")) == 1


def test_unpublishing_and_deleting_remove_the_link(terms):
    GlossaryTerm.objects.get(pk=terms["pair"].pk).unpublish()
    assert links(render("<p>La pair-aidance.</p>")) == 0
    GlossaryTerm.objects.get(pk=terms["pp"].pk).delete()
    assert links(render("<p>Le patient partenaire.</p>")) == 0


def test_linking_costs_no_query_once_cached(terms, django_assert_num_queries):
    render("<p>ETP</p>")
    with django_assert_num_queries(0):
        render("<p>Un patient partenaire et l'ETP.</p>")


def test_standard_pages_use_the_inline_lexicon(client, home_page, terms):
    StandardPageFactory(
        parent=home_page,
        title="À propos",
        slug="a-propos",
        body__0__paragraph__value="<p>Chaque patient partenaire est le bienvenu.</p>",
    )
    html = client.get("/a-propos/").content.decode()
    assert links(html) == 1
    assert "Les mots de cette page" in html


def test_sheets_link_terms_in_body_and_falc_once(client, sheet_index, terms):
    make_sheet(
        sheet_index,
        1,
        body=[
            ("heading", {"text": "Le patient partenaire", "level": "h2"}),
            ("paragraph", "<p>Le patient partenaire.</p>"),
        ],
        falc_body=[("paragraph", "<p>Un patient partenaire aide. L'ETP aussi.</p>")],
        falc_reviewed_by="un groupe de lecteurs",
    )
    html = client.get("/fiches-outils/fiche-1/").content.decode()
    assert links(html) == 2  # patient partenaire (body) and ETP (FALC)
    assert "<h2>Le patient partenaire</h2>" in html
    assert "Les mots de cette fiche" in html


def test_link_terms_keeps_html_without_terms():
    from resources.lexicon import LexiconState, Matcher

    state = LexiconState()
    html = "<p>Texte <em>simple</em>.</p>"
    assert link_terms(html, state, Matcher("x", {}, None, {})) == html


# --- pages ---------------------------------------------------------------------------


def test_lexicon_index_lists_published_terms_by_letter(client, terms):
    GlossaryTermFactory(term="Brouillon caché", live=False)
    response = client.get("/fiches-outils/lexique/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="lettre-e"' in html and 'href="#lettre-e"' in html  # Éducation files under E
    assert "Brouillon caché" not in html
    assert response.context["term_count"] == 3


def test_lexicon_filter(client, terms):
    response = client.get("/fiches-outils/lexique/", {"q": "education"})
    assert response.context["term_count"] == 1
    assert "Éducation thérapeutique du patient" in response.content.decode()
    empty = client.get("/fiches-outils/lexique/", {"q": "zzzz"})
    assert empty.status_code == 200 and "Aucun terme" in empty.content.decode()


def test_term_page(client, terms, sheet_index):
    sheet = make_sheet(sheet_index, 1, title="Les profils")
    term = GlossaryTerm.objects.get(pk=terms["pp"].pk)
    term.related_terms = [terms["pair"]]
    term.see_also = [sheet]
    term.save_revision().publish()
    response = client.get("/fiches-outils/lexique/patient-partenaire/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Patient partenaire</h1>" in html
    assert "patients partenaires, patient ressource" in html
    assert "/fiches-outils/lexique/pair-aidance/" in html and "/fiches-outils/fiche-1/" in html
    assert term.get_url() == "/fiches-outils/lexique/patient-partenaire/"


def test_unknown_or_draft_term_is_404(client, terms):
    assert client.get("/fiches-outils/lexique/inconnu/").status_code == 404
    GlossaryTerm.objects.get(pk=terms["etp"].pk).unpublish()
    assert client.get("/fiches-outils/lexique/education-therapeutique-du-patient/").status_code == 404
