"""Fictional partner data, shared by the demo and `seed_directory`.

The words they are made of are in demo/directory/fictional-partners.toml."""

import functools
import random

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.search.backends import get_search_backends

from core import geo
from core.demo.data import read
from core.models import Domain
from core.vocabulary import PartnerRole

from .models import ExperienceTheme, PartnerProfile, ProfileLanguage, ProfileRole, TaggedExperienceTheme
from .models.profiles import CONSENT_TEXT_VERSION


@functools.cache
def words():
    """The word lists of demo/directory/fictional-partners.toml."""
    return read("directory/fictional-partners.toml")


def partner_data(index, departments, domains, rng=None):
    """A deterministic fictional partner for position `index`."""
    rng = rng or random.Random(index)
    lists = words()
    themes = lists["themes"]
    first = lists["first_names"][index % len(lists["first_names"])]
    roles = [c for c, _ in PartnerRole.choices]
    return {
        "display_name": f"{first} {chr(65 + (index * 7) % 26)}.",
        "email": f"partenaire-fictif-{index:05d}@example.org",
        "phone": f"06 00 00 {index // 100 % 100:02d} {index % 100:02d}",
        "department": departments[index % len(departments)],
        "territory_visibility": "region" if index % 5 == 4 else "department",
        "remote_ok": index % 3 != 0,
        "mobility": ["local", "departement", "region", "national"][index % 4],
        "presentation": lists["presentations"][index % len(lists["presentations"])],
        "trainings": lists["trainings"][index % len(lists["trainings"])],
        "availability": lists["availabilities"][index % len(lists["availabilities"])],
        "association": lists["associations"][index % len(lists["associations"])],
        "consent_health": index % 4 != 3,
        "allow_search_engines": index % 6 == 0,
        "roles": sorted({roles[index % len(roles)], roles[(index * 3 + 1) % len(roles)]}),
        "languages": ["fr"] + (["en"] if index % 4 == 0 else []) + (["oc"] if index % 7 == 0 else []),
        "themes": sorted({themes[index % len(themes)], themes[(index * 5 + 2) % len(themes)]}),
        "domains": [domains[index % len(domains)]] + ([domains[(index + 2) % len(domains)]] if index % 2 else [])
        if domains
        else [],
    }


def bulk_seed(count, start=1000, departments=None):
    """Create `count` published fictional partners fast (bulk inserts, then
    one bulk indexing pass). For benchmarks: no email, no audit log."""
    departments = departments or geo.departments_of("76")
    domains = list(Domain.objects.order_by("pk"))
    themes = _ensure_themes()
    data = [partner_data(i, departments, domains) for i in range(start, start + count)]
    profiles = _published_profiles(data)
    PartnerProfile.objects.bulk_create(profiles, batch_size=500)
    _bulk_create_relations(profiles, data, themes)
    _bulk_index(profiles)
    return len(profiles)


def _ensure_themes():
    """The fictional experience themes by name, created when missing."""
    themes = {}
    for name in words()["themes"]:
        theme = ExperienceTheme.objects.filter(name=name).first()
        if theme is None:
            theme = ExperienceTheme(name=name)
            theme.save()
        themes[name] = theme
    return themes


def _published_profiles(data):
    """Unsaved published profiles, consents given now, for `partner_data` items."""
    now = timezone.now()
    profiles = []
    for item in data:
        fields = {k: v for k, v in item.items() if k not in ("roles", "languages", "themes", "domains")}
        profile = PartnerProfile(
            **fields,
            status=PartnerProfile.Status.PUBLISHED,
            consent_listing_at=now,
            consent_health_at=now if item["consent_health"] else None,
            consent_text_version=CONSENT_TEXT_VERSION,
            email_confirmed_at=now,
            published_at=now,
            last_confirmed_at=now,
        )
        profile.region = geo.region_of(profile.department)
        profile.public_department = profile.department if profile.territory_visibility == "department" else ""
        profiles.append(profile)
    return profiles


def _bulk_create_relations(profiles, data, themes):
    """Roles, languages, themes and domains of the saved `profiles`."""
    through = PartnerProfile.domains.through
    ProfileRole.objects.bulk_create(
        [ProfileRole(profile=p, role=r) for p, item in zip(profiles, data, strict=True) for r in item["roles"]],
        batch_size=1000,
    )
    ProfileLanguage.objects.bulk_create(
        [ProfileLanguage(profile=p, code=c) for p, item in zip(profiles, data, strict=True) for c in item["languages"]],
        batch_size=1000,
    )
    TaggedExperienceTheme.objects.bulk_create(
        [
            TaggedExperienceTheme(content_object=p, tag=themes[t])
            for p, item in zip(profiles, data, strict=True)
            for t in item["themes"]
        ],
        batch_size=1000,
    )
    through.objects.bulk_create(
        [
            through(partnerprofile_id=p.pk, domain_id=d.pk)
            for p, item in zip(profiles, data, strict=True)
            for d in item["domains"]
        ],
        batch_size=1000,
    )


def _bulk_index(profiles):
    """One indexing pass over `profiles`, in batches of 500, in every search backend."""
    queryset = PartnerProfile.objects.filter(pk__in=[p.pk for p in profiles]).prefetch_related(
        "roles",
        "languages",
        "domains",
        Prefetch("tagged_themes", queryset=TaggedExperienceTheme.objects.select_related("tag")),
    )
    objects = list(queryset)
    for backend in get_search_backends():
        for offset in range(0, len(objects), 500):
            backend.add_bulk(PartnerProfile, objects[offset : offset + 500])
