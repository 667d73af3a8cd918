"""Demo content of the directory: the page at /annuaire/ and ~30 fictional
partners (example.org addresses) across the Occitanie departments.

The texts are in demo/directory/ (docs/demo-content.md)."""

from django.utils import timezone

from core import geo
from core.demo import upsert_page
from core.demo.data import read
from core.models import Domain
from home.demo import ensure_pillars, get_home

from .fake import partner_data
from .models import DirectoryPage, PartnerProfile, ProfileLanguage, ProfileRole
from .models.profiles import CONSENT_TEXT_VERSION
from .roles import ensure_moderation_group

PAGE_FILE = "directory/page.toml"


def ensure_directory_page(home):
    data = read(PAGE_FILE)
    data.pop("partners")
    page, _ = upsert_page(home, DirectoryPage, data, PAGE_FILE)
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
    ensure_pillars(home)
    departments = geo.departments_of("76")
    domains = list(Domain.objects.order_by("pk"))
    partners = read(PAGE_FILE)["partners"]
    existing = set(PartnerProfile.objects.values_list("email", flat=True))
    created = 0
    for index in range(partners["count"]):
        data = partner_data(index, departments, domains)
        if data["email"] in existing:
            continue
        pending = index in partners["pending"]
        status = PartnerProfile.Status.PENDING if pending else PartnerProfile.Status.PUBLISHED
        create_partner(data, status=status)
        created += 1
    if command is not None and created:
        command.stdout.write(f"Annuaire : {created} profils fictifs créés.")
