"""Deletion and export of a partner's own data."""

from django.db import transaction
from wagtail.search.backends import get_search_backends

from core.models import OutgoingEmail

from .models import ExperienceTheme, PartnerProfile


def profile_data(profile):
    """Everything the portal holds about a partner (right of access)."""
    return {
        "nom_affiche": profile.display_name,
        "presentation": profile.presentation,
        "roles": profile.role_labels(),
        "domaines": [d.name for d in profile.domains.all()],
        "themes": [t.name for t in profile.themes.all()],
        "themes_affiches": profile.consent_health,
        "departement": profile.department,
        "territoire_affiche": profile.get_territory_visibility_display(),
        "distance": profile.remote_ok,
        "mobilite": profile.get_mobility_display(),
        "formations": profile.trainings,
        "langues": profile.language_labels(),
        "disponibilites": profile.availability,
        "association": profile.association,
        "adresse_electronique": profile.email,
        "telephone": profile.phone,
        "etat": profile.get_status_display(),
        "referencement_moteurs": profile.allow_search_engines,
        "consentement_annuaire": profile.consent_listing_at.isoformat() if profile.consent_listing_at else None,
        "consentement_sante": profile.consent_health_at.isoformat() if profile.consent_health_at else None,
        "consentement_nouvelles": profile.consent_news_at.isoformat() if profile.consent_news_at else None,
        "version_texte_consentement": profile.consent_text_version,
        "inscrit_le": profile.created_at.isoformat(),
        "demandes_de_contact": [
            {
                "recue_le": r.created_at.isoformat(),
                "structure": r.structure_name,
                "etat": r.get_status_display(),
            }
            for r in profile.contact_requests.exclude(status="spam")
        ],
    }


@transaction.atomic
def delete_profile(profile):
    """Erase a partner: profile, relations, contact requests, every email
    about them, search entries and themes used by nobody else."""
    email_ids = set(profile.outgoing_emails.values_list("pk", flat=True))
    requests = profile.contact_requests.all()
    for request in requests:
        email_ids.update(request.outgoing_emails.values_list("pk", flat=True))
    theme_ids = list(profile.tagged_themes.values_list("tag_id", flat=True))
    for backend in get_search_backends():
        backend.delete(profile)
    requests.delete()
    OutgoingEmail.objects.filter(pk__in=email_ids).delete()
    PartnerProfile.objects.filter(pk=profile.pk).first().delete()
    ExperienceTheme.objects.filter(pk__in=theme_ids, tagged_profiles__isnull=True).delete()
