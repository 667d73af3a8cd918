"""The knowledge base in a real browser: axe-core finds no WCAG 2.1 A/AA
violation on the sheet index with filters applied, a sheet, the charter,
the lexicon, a term page and the competency comparison (also in its error
state); the pages work with the keyboard and print without navigation."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


SHEET_BODY = [
    ("heading", {"text": "Pourquoi engager la structure", "level": "h2"}),
    ("paragraph", "<p>Un patient partenaire ne remplace pas la pair-aidance : chacun a son rôle.</p>"),
    (
        "steps",
        {
            "title": "En pratique",
            "steps": [
                {"title": "Convaincre la direction", "who": "Le binôme", "why": "", "what": "<p>Une note.</p>"},
                {"title": "Réunir le comité", "who": "La direction", "why": "", "what": "<p>Une réunion.</p>"},
            ],
        },
    ),
    ("callout", {"kind": "vigilance", "title": "", "text": "<p>Prévoir un défraiement.</p>"}),
]


def build_knowledge_base():
    from core.factories import domains
    from resources.factories import (
        CharterPageFactory,
        CompetencyFactory,
        CompetencyFrameworkIndexPageFactory,
        CompetencyFrameworkPageFactory,
        GlossaryTermFactory,
        LexiconPageFactory,
        ToolSheetCategoryFactory,
        ToolSheetIndexPageFactory,
        ToolSheetPageFactory,
        framework_domain,
    )

    soins = domains()["soins"]
    index = ToolSheetIndexPageFactory()
    categories = [ToolSheetCategoryFactory(name=name) for name in ("Comprendre", "S'engager", "Évaluer")]
    for n in range(9):
        ToolSheetPageFactory(
            parent=index,
            title=f"Fiche pratique {n}",
            category=categories[n % 3],
            domain=soins if n % 2 else None,
            engagement_scale=["micro", "meso", "macro"][n % 3] if n % 4 else "meso",
            audiences=["professionnels", "patients"] if n % 2 else ["professionnels"],
            tags=["co-construction"],
        )
    ToolSheetPageFactory(
        parent=index,
        title="Engager la structure en quatre étapes",
        slug="engager-la-structure",
        category=categories[1],
        engagement_scale="meso",
        audiences=["directions", "professionnels"],
        body=SHEET_BODY,
        falc_body=[("paragraph", "<p>Un patient partenaire aide l'équipe.</p>")],
        falc_reviewed_by="un groupe de patients",
    )
    CharterPageFactory(
        parent=index,
        principles__0__principle__title="Respecter les personnes",
        principles__1__principle__title="Reconnaître les savoirs",
        principles__1__principle__for_patients=["Partager son expérience."],
        values__0__value__name="Respect",
    )
    LexiconPageFactory(parent=index)
    GlossaryTermFactory(term="Patient partenaire", variants="patients partenaires")
    GlossaryTermFactory(term="Pair-aidance", variants="pair aidance")
    GlossaryTermFactory(term="Éducation thérapeutique du patient", variants="ETP")
    frameworks = CompetencyFrameworkIndexPageFactory(parent=index)
    shared, patient_only, pro_only = (
        CompetencyFactory(name=name) for name in ("Communiquer", "Prendre du recul", "Accueillir")
    )
    CompetencyFrameworkPageFactory(
        parent=frameworks,
        title="Patient partenaire",
        profile="Patient partenaire",
        domains=[framework_domain("Relation", (shared, "Écouter.", ["Écoute"]), (patient_only, "", ["Recul"]))],
    )
    CompetencyFrameworkPageFactory(
        parent=frameworks,
        title="Professionnel de santé",
        profile="Professionnel de santé",
        domains=[framework_domain("Relation", (pro_only, "", ["Accueil"]), (shared, "Parler clair.", ["Sans jargon"]))],
    )


@pytest.fixture
def kb(live_server):
    build_knowledge_base()
    return live_server.url


def test_index_with_filters_and_a_sheet(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/?public=professionnels&niveau=meso")
    assert page.locator("h1").count() == 1
    axe_check(page)
    # Following a facet link narrows the list to the count shown beside it.
    option = page.locator(".facet a", has_text="Évaluer").first
    expected = int(option.locator(".facet__count").inner_text().strip("()").split()[0])
    with page.expect_navigation():
        option.click()
    assert "categorie=evaluer" in page.url and "public=professionnels" in page.url
    assert page.locator(".sheet-card").count() == expected
    with page.expect_navigation():
        page.locator(".sheet-card h3 a").first.click()
    assert page.locator(".sheet h1").is_visible()
    page.goto(kb + "/fiches-outils/engager-la-structure/")
    axe_check(page)
    assert page.locator(".lexicon-box dt").count() >= 1
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert page.locator(".print-only").is_visible()
    assert page.locator("#falc").is_visible()


def test_charter_and_lexicon(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/charte-du-partenariat/")
    axe_check(page)
    page.locator(".charter__toc a").nth(1).click()
    assert page.url.endswith("#reconnaitre-les-savoirs")
    page.goto(kb + "/fiches-outils/lexique/")
    axe_check(page)
    page.fill("#filtre-lexique", "aidance")
    page.keyboard.press("Enter")
    page.wait_for_url("**/lexique/?q=aidance")
    assert page.locator(".lexicon-list dt").count() >= 1
    page.goto(kb + "/fiches-outils/lexique/patient-partenaire/")
    axe_check(page)


def test_competency_comparison_and_its_error_state(page, axe_check, kb):
    page.goto(kb + "/fiches-outils/referentiels/patient-partenaire/")
    axe_check(page)
    page.goto(kb + "/fiches-outils/referentiels/comparer/?a=patient-partenaire&b=professionnel-de-sante")
    axe_check(page)
    assert page.locator(".compare-table__missing").count() >= 2
    page.goto(kb + "/fiches-outils/referentiels/comparer/?a=inconnu")
    assert page.locator(".error-summary").is_visible()
    assert page.get_attribute("#comparer-a", "aria-describedby") == "comparer-a-erreur"
    axe_check(page)
