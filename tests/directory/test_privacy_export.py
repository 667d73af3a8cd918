"""The right-of-access export (`directory.privacy.profile_data`), key by key:
mutation testing showed the existing test checked two keys only."""

from datetime import UTC, datetime

import pytest

from directory.factories import ContactRequestFactory
from directory.privacy import profile_data

pytestmark = pytest.mark.django_db


def test_the_export_holds_everything_and_only_non_spam_requests(make_profile):
    listed = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    news = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    profile = make_profile(
        display_name="Export E.",
        email="export@example.org",
        phone="06 11 22 33 44",
        presentation="Présentation.",
        themes=["Asthme"],
        roles=["pair-aidant"],
        languages=["fr"],
        consent_listing_at=listed,
        consent_news_at=news,
        trainings="ETP 40 h",
        availability="Les mardis",
        association="Association Souffle",
        allow_search_engines=True,
    )
    kept = ContactRequestFactory(profile=profile, structure_name="CPTS du Sud")
    ContactRequestFactory(profile=profile, structure_name="Pourriel", status="spam")
    data = profile_data(profile)
    assert data == {
        "nom_affiche": "Export E.",
        "presentation": "Présentation.",
        "roles": profile.role_labels(),
        "domaines": ["Soins"],
        "themes": ["Asthme"],
        "themes_affiches": True,
        "departement": "31",
        "territoire_affiche": profile.get_territory_visibility_display(),
        "distance": True,
        "mobilite": profile.get_mobility_display(),
        "formations": "ETP 40 h",
        "langues": profile.language_labels(),
        "disponibilites": "Les mardis",
        "association": "Association Souffle",
        "adresse_electronique": "export@example.org",
        "telephone": "06 11 22 33 44",
        "etat": profile.get_status_display(),
        "referencement_moteurs": True,
        "consentement_annuaire": listed.isoformat(),
        "consentement_sante": listed.isoformat(),
        "consentement_nouvelles": news.isoformat(),
        "charte_lue_le": None,
        "version_texte_consentement": profile.consent_text_version,
        "inscrit_le": profile.created_at.isoformat(),
        "demandes_de_contact": [
            {"recue_le": kept.created_at.isoformat(), "structure": "CPTS du Sud", "etat": kept.get_status_display()}
        ],
    }
    # Labels, not codes, and every value is set.
    assert data["roles"] and data["langues"] and data["territoire_affiche"] and data["mobilite"] and data["etat"]
    assert data["version_texte_consentement"]


def test_missing_consents_are_exported_as_none(make_profile):
    profile = make_profile(consent_health=False, consent_news_at=None)
    data = profile_data(profile)
    assert data["consentement_sante"] is None and data["consentement_nouvelles"] is None
    assert data["themes_affiches"] is False and data["demandes_de_contact"] == []
