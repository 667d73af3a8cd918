"""Demo content of the directory: the page at /annuaire/ and ~30 fictional
partners (example.org addresses) across the Occitanie departments."""

from django.utils import timezone

from core import geo
from core.demo_utils import get_home, upsert_child
from core.models import Domain

from .fake import partner_data
from .models import DirectoryPage, PartnerProfile, ProfileLanguage, ProfileRole
from .models.profiles import CONSENT_TEXT_VERSION
from .roles import ensure_moderation_group

DEMO_PARTNERS = 30

INTRO = (
    "Des patients et des proches-aidants partenaires, prêts à apporter leur expérience à vos projets de soins, "
    "de formation, de recherche ou de gouvernance. Cherchez par rôle, territoire ou domaine, puis écrivez-leur "
    "par le portail : leurs coordonnées ne sont transmises que s'ils acceptent."
)


def ensure_directory_page(home):
    page, _ = upsert_child(
        home,
        DirectoryPage,
        "annuaire",
        title="Annuaire des patients partenaires",
        intro=INTRO,
        show_in_menus=True,
        registration_notice=(
            "Vous êtes patient, patiente ou proche-aidant et souhaitez contribuer à des projets en santé ? "
            "Inscrivez-vous : votre profil sera relu avant publication."
        ),
        search_description="Trouver un patient partenaire en Occitanie et le contacter sans exposer ses coordonnées.",
    )
    return page


def create_partner(data, now=None, status=PartnerProfile.Status.PUBLISHED):
    """Create one partner from `partner_data` output (no email sent)."""
    now = now or timezone.now()
    profile = PartnerProfile(
        **{k: v for k, v in data.items() if k not in ("roles", "languages", "themes", "domains")},
        status=status,
        consent_listing_at=now,
        consent_health_at=now if data["consent_health"] else None,
        consent_text_version=CONSENT_TEXT_VERSION,
        email_confirmed_at=now,
        published_at=now if status == PartnerProfile.Status.PUBLISHED else None,
        last_confirmed_at=now,
    )
    profile.roles = [ProfileRole(role=r) for r in data["roles"]]
    profile.languages = [ProfileLanguage(code=c) for c in data["languages"]]
    profile.domains.set(data["domains"])
    profile.themes.set(data["themes"])
    profile.save()
    profile.sync_search_index()
    return profile


def load(command=None):
    ensure_moderation_group()
    home = get_home()
    if home is None:
        return
    ensure_directory_page(home)
    # The home page's pillar pointed at the placeholder this page replaced.
    from home.demo import ensure_pillars

    ensure_pillars(home)
    departments = geo.departments_of("76")
    domains = list(Domain.objects.order_by("pk"))
    existing = set(PartnerProfile.objects.values_list("email", flat=True))
    created = 0
    for index in range(DEMO_PARTNERS):
        data = partner_data(index, departments, domains)
        if data["email"] in existing:
            continue
        status = PartnerProfile.Status.PENDING if index in (7, 19) else PartnerProfile.Status.PUBLISHED
        create_partner(data, status=status)
        created += 1
    if command is not None and created:
        command.stdout.write(f"Annuaire : {created} profils fictifs créés.")
