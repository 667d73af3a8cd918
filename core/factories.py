"""Factories for tests and benches: the page tree, pages published the way an
editor publishes them, the Domain taxonomy, site settings and the shared blocks.

factory_boy and wagtail-factories are development dependencies: nothing
outside tests/ and bench/ imports these modules.
"""

import factory
import wagtail_factories
from django.conf import settings
from django.utils.text import slugify
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from core import blocks as core_blocks
from core.models import Domain, PortalSettings


def tree_root():
    """The root of the page tree, with the default locale; created when
    missing (a transactional test flushes both)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def first_or_create(model, factory_class):
    """A default parent: the existing `model` page, or a new one. Pages that
    exist once per site (home, section indexes) are shared this way."""

    def get():
        return model.objects.first() or factory_class()

    return factory.LazyFunction(get)


class PageFactory(wagtail_factories.PageFactory):
    """A page added under `parent`, then published with a revision as an
    editor publishes it (`published_by=user` to name who did; no permission
    check). `live=False` leaves it a draft (one revision, never published).
    Tags and other post-generation values are set first, so the published
    revision holds them."""

    title = factory.Sequence(lambda n: f"Page numéro {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title)[:80])

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def published_by(page, create, extracted, **kwargs):
        return extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create:
            return
        user = (results or {}).get("published_by")
        revision = instance.save_revision(user=user)
        if instance.live:
            revision.publish(user=user, skip_permission_checks=True)


class DomainFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Domaine {n}")
    slug = factory.LazyAttribute(lambda domain: slugify(domain.name))
    short_description = factory.LazyAttribute(lambda domain: f"Ce que recouvre le domaine « {domain.name} ».")
    sort_order = factory.Sequence(int)

    class Meta:
        model = Domain
        django_get_or_create = ("slug",)


# The five fields of action of partnership in health, as the listings' facets
# know them (slug, name): tests that filter by domain use these slugs.
DOMAINS = [
    ("soins", "Soins"),
    ("organisation-des-soins", "Organisation des soins"),
    ("enseignement", "Enseignement et formation"),
    ("recherche", "Recherche"),
    ("gouvernance", "Gouvernance"),
]


def domains(pairs=DOMAINS):
    """{slug: Domain} for `pairs` of (slug, name), created when missing."""
    return {slug: DomainFactory(slug=slug, name=name) for slug, name in pairs}


class PortalSettingsFactory(factory.django.DjangoModelFactory):
    """The site settings of `site` (one row per site), with the defaults of
    the model unless given."""

    class Meta:
        model = PortalSettings
        django_get_or_create = ("site",)


# --- Shared blocks ----------------------------------------------------------------


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A rich text paragraph: `value` is its HTML."""

    value = "<p>Un paragraphe écrit par le groupe de travail.</p>"

    class Meta:
        model = core_blocks.ParagraphBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Titre de section {n}")
    level = "h2"

    class Meta:
        model = core_blocks.HeadingBlock


class CalloutBlockFactory(wagtail_factories.StructBlockFactory):
    kind = "vigilance"
    title = ""
    text = factory.LazyFunction(lambda: RichText("<p>Prévoir du temps pour se former ensemble.</p>"))

    class Meta:
        model = core_blocks.CalloutBlock


class TestimonyBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "Au début, on se demandait ce qu'un patient apporterait au comité. Personne n'imagine plus s'en passer."
    author_role = "Cadre de santé, membre d'un binôme de co-pilotage (témoignage fictif)"
    author_name = ""

    class Meta:
        model = core_blocks.TestimonyBlock


class KeyFigureBlockFactory(wagtail_factories.StructBlockFactory):
    value = "12"
    unit = "patients"
    label = "Patients partenaires associés au projet"
    source = ""

    class Meta:
        model = core_blocks.KeyFigureBlock


class BaseStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    """Bodies built from the shared block library:
    `body__0__heading__text="…"`, `body__1__paragraph__value="<p>…</p>"`,
    `body__2="callout"` (a block with its factory's values)."""

    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    callout = factory.SubFactory(CalloutBlockFactory)
    testimony = factory.SubFactory(TestimonyBlockFactory)
    key_figure = factory.SubFactory(KeyFigureBlockFactory)

    class Meta:
        model = core_blocks.BaseStreamBlock
