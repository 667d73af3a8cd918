"""Factories of the knowledge base: the sheet index, tool sheets with their
audiences and themes, categories, the charter, the lexicon and its terms,
competencies and frameworks."""

import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.rich_text import RichText

from core.factories import PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage
from resources import blocks as resources_blocks
from resources.models import (
    CharterPage,
    Competency,
    CompetencyFrameworkIndexPage,
    CompetencyFrameworkPage,
    GlossaryTerm,
    LexiconPage,
    Reference,
    ToolSheetAudience,
    ToolSheetCategory,
    ToolSheetIndexPage,
    ToolSheetPage,
)


class ToolSheetIndexPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Fiches outils"
    slug = "fiches-outils"
    show_in_menus = True
    intro = "Des fiches pratiques pour travailler en partenariat."

    class Meta:
        model = ToolSheetIndexPage


class ToolSheetCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = ToolSheetCategory
        django_get_or_create = ("name",)


class ReferenceFactory(factory.django.DjangoModelFactory):
    authors = factory.Sequence(lambda n: f"Auteur{n} A.")
    title = factory.Sequence(lambda n: f"Ouvrage de référence {n}")
    publisher = "Éditions de test"
    year = 2020

    class Meta:
        model = Reference


def reference_stream(*references):
    """The raw value of a `source_references` StreamField citing `references`."""
    return [{"type": "reference", "value": reference.pk} for reference in references]


class ToolSheetPageFactory(PageFactory):
    """A tool sheet; `audiences=["patients", …]` and `tags=["…", …]`."""

    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = factory.Sequence(lambda n: f"Fiche numéro {n}")
    summary = factory.LazyAttribute(lambda sheet: f"Résumé de la {sheet.title.lower()}.")

    class Meta:
        model = ToolSheetPage

    @factory.post_generation
    def audiences(sheet, create, extracted, **kwargs):
        if extracted:  # numbered as the admin's inline panel numbers them
            sheet.audiences = [
                ToolSheetAudience(audience=audience, sort_order=order) for order, audience in enumerate(extracted)
            ]

    @factory.post_generation
    def tags(sheet, create, extracted, **kwargs):
        if extracted:
            sheet.tags.set(list(extracted))


class CharterPrincipleBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Principe {n}")
    anchor = ""
    text = factory.LazyFunction(lambda: RichText("<p>Ce que ce principe demande à chacun.</p>"))
    for_everyone = factory.LazyFunction(lambda: ["Écouter chacun."])
    for_patients = factory.LazyFunction(list)
    for_professionals = factory.LazyFunction(list)
    values = factory.LazyFunction(list)

    class Meta:
        model = resources_blocks.CharterPrincipleBlock


class CharterValueBlockFactory(wagtail_factories.StructBlockFactory):
    name = factory.Sequence(lambda n: f"Valeur {n}")
    text = "Ce que cette valeur veut dire pour le groupe."

    class Meta:
        model = resources_blocks.CharterValueBlock


class CharterPageFactory(PageFactory):
    """The charter: `principles__0__principle__title="…"` and so on."""

    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = "Charte du partenariat"
    slug = "charte-du-partenariat"
    intro = "Les engagements que patients et professionnels prennent ensemble."
    principles = wagtail_factories.StreamFieldFactory({"principle": factory.SubFactory(CharterPrincipleBlockFactory)})
    values = wagtail_factories.StreamFieldFactory({"value": factory.SubFactory(CharterValueBlockFactory)})

    class Meta:
        model = CharterPage


class LexiconPageFactory(PageFactory):
    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = "Lexique"
    slug = "lexique"

    class Meta:
        model = LexiconPage


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    """A lexicon term, published with a revision (`live=False`: a draft with
    one revision). `variants` holds one variant a line; `related_terms=[…]`, `see_also=[…]`."""

    term = factory.Sequence(lambda n: f"Terme {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.term)[:120])
    short_definition = "Définition courte."
    definition = factory.LazyAttribute(lambda term: f"<p>Définition de {term.term}.</p>")
    variants = ""

    class Meta:
        model = GlossaryTerm
        skip_postgeneration_save = True

    @factory.post_generation
    def related_terms(term, create, extracted, **kwargs):
        if extracted:
            term.related_terms = list(extracted)

    @factory.post_generation
    def see_also(term, create, extracted, **kwargs):
        if extracted:
            term.see_also = list(extracted)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        if instance.live:
            instance.save_revision().publish()
        else:
            instance.save_revision()


class CompetencyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Compétence {n}")
    sort_order = factory.Sequence(int)

    class Meta:
        model = Competency


class CompetencyFrameworkIndexPageFactory(PageFactory):
    parent = first_or_create(ToolSheetIndexPage, ToolSheetIndexPageFactory)
    title = "Référentiels de compétences"
    slug = "referentiels"

    class Meta:
        model = CompetencyFrameworkIndexPage


class CompetencyFrameworkPageFactory(PageFactory):
    """A framework; `domains` is given as a list of ("domain", {…}) items,
    see `framework_domain`."""

    parent = first_or_create(CompetencyFrameworkIndexPage, CompetencyFrameworkIndexPageFactory)
    title = factory.Sequence(lambda n: f"Référentiel {n}")
    profile = "Patient partenaire"

    class Meta:
        model = CompetencyFrameworkPage


def framework_domain(title, *items, description=""):
    """A ("domain", value) item of a framework; each item is
    (competency, description, [indicators])."""
    return (
        "domain",
        {
            "title": title,
            "description": description,
            "competencies": [
                {"competency": competency, "description": text, "indicators": list(indicators)}
                for competency, text, indicators in items
            ],
        },
    )
