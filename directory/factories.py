"""Factories of the directory: the page at /annuaire/, partner profiles (with
their consents, roles, languages, themes and domains) and contact requests."""

import factory
from django.utils import timezone

from core.factories import DomainFactory, PageFactory, first_or_create
from directory.models import ContactRequest, DirectoryPage, PartnerProfile, ProfileLanguage, ProfileRole
from directory.models.profiles import CONSENT_TEXT_VERSION
from home.factories import HomePageFactory
from home.models import HomePage

FIRST_NAMES = ["Aline", "Bastien", "Capucine", "Damien", "Elsa", "Fabrice", "Gaëlle", "Hugo", "Inès", "Jules"]


class DirectoryPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Annuaire des patients partenaires"
    slug = "annuaire"
    show_in_menus = True
    intro = "Des patients et des proches-aidants partenaires, prêts à apporter leur expérience à vos projets."
    registration_notice = "Votre profil sera relu avant publication."

    class Meta:
        model = DirectoryPage


class PartnerProfileFactory(factory.django.DjangoModelFactory):
    """A partner who registered, confirmed their address and consented, and
    whose profile is published unless `status` says otherwise. After saving,
    the profile is (de)indexed as the portal does after every change.

    `roles`, `languages` and `themes` (names) are lists; `domains` a list of
    Domain (the "soins" domain by default)."""

    display_name = factory.Sequence(lambda n: f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {chr(65 + n % 26)}.")
    email = factory.Sequence(lambda n: f"partenaire-{n:05d}@example.org")
    phone = factory.Sequence(lambda n: f"06 00 00 {n // 100 % 100:02d} {n % 100:02d}")
    presentation = "Je vis avec une maladie chronique et je partage mon expérience avec les équipes de soins."
    department = "31"
    territory_visibility = "department"
    remote_ok = True
    mobility = "region"
    status = PartnerProfile.Status.PUBLISHED
    consent_health = True
    consent_listing_at = factory.LazyFunction(timezone.now)
    consent_health_at = factory.LazyAttribute(lambda p: p.consent_listing_at if p.consent_health else None)
    consent_text_version = CONSENT_TEXT_VERSION
    email_confirmed_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda p: p.consent_listing_at if p.status == PartnerProfile.Status.PUBLISHED else None
    )
    last_confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = PartnerProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def roles(profile, create, extracted, **kwargs):
        profile.roles = [ProfileRole(role=role) for role in (["pair-aidant"] if extracted is None else extracted)]

    @factory.post_generation
    def languages(profile, create, extracted, **kwargs):
        profile.languages = [ProfileLanguage(code=code) for code in (["fr"] if extracted is None else extracted)]

    @factory.post_generation
    def themes(profile, create, extracted, **kwargs):
        if extracted:
            profile.themes.set(list(extracted))

    @factory.post_generation
    def domains(profile, create, extracted, **kwargs):
        if create:
            profile.domains.set([DomainFactory(slug="soins", name="Soins")] if extracted is None else list(extracted))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()
            instance.sync_search_index()


class ContactRequestFactory(factory.django.DjangoModelFactory):
    """A request a structure sent to `profile` through the relay."""

    profile = factory.SubFactory(PartnerProfileFactory)
    requester_name = "Dominique Fictif"
    structure_name = "CPTS de démonstration"
    structure_type = "cpts"
    requester_email = "coordination@cpts.example.org"
    project = "Un programme d'éducation thérapeutique à co-construire."
    expected_role = "Participer à trois ateliers."
    dates = "De mars à juin"
    compensation = "defraiement"

    class Meta:
        model = ContactRequest
