"""Export and erasure of a partner's own data.

`erase_profile` is the one scrubbing function: admin deletion (the modeladmin
delete view), self-service deletion ("Gérer mon profil") and the nightly
purge of unconfirmed registrations all go through it. The outbox rows go
through `core.privacy.erase_emails`, which the anonymise and purge commands
share (ContactRequest.anonymise, purge_project_proposals).
"""

from django.apps import apps as django_apps
from django.db import transaction
from django.dispatch import Signal
from wagtail.search.backends import get_search_backends

from core.privacy import erase_emails

from .models import ContactRequest, ExperienceTheme, PartnerProfile

# Sent by erase_profile inside its transaction, before the profile row goes:
# other apps erase what they hold about the partner (participation's answers
# and alert subscriptions, with their emails).
profile_erasing = Signal()


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
        "charte_lue_le": profile.charter_read_at.isoformat() if profile.charter_read_at else None,
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


def delete_orphan_themes(theme_ids):
    """taggit never deletes a tag nobody uses any more: a partner's health
    theme would outlive the partner."""
    ExperienceTheme.objects.filter(pk__in=theme_ids, tagged_profiles__isnull=True).delete()


def invalidate_cached_pages():
    """Drop cached copies of the directory's pages (index, profile, counts).

    With Wagtail's front-end cache app installed, the directory pages are
    purged from the proxy; pages rendered by Django are not cached today
    (no per-view or template fragment cache holds a profile)."""
    if not django_apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    from .models import DirectoryPage

    purge_pages_from_cache(DirectoryPage.objects.live())


def erase_profile(profile, notify_structures=False):
    """Erase a partner: profile, relations, contact requests, every email
    about them, search entries, themes used by nobody else, cached pages.

    With `notify_structures` (self-service deletion), each structure whose
    request was still waiting for an answer is told kindly, without any of the
    partner's data."""
    with transaction.atomic():
        profile = PartnerProfile.objects.select_for_update().filter(pk=profile.pk).first()
        if profile is None:
            return False
        email_ids = set(profile.outgoing_emails.values_list("pk", flat=True))
        requests = list(profile.contact_requests.all())
        for contact_request in requests:
            email_ids.update(contact_request.outgoing_emails.values_list("pk", flat=True))
        pending = [r for r in requests if r.is_open] if notify_structures else []
        theme_ids = list(profile.tagged_themes.values_list("tag_id", flat=True))
        for backend in get_search_backends():
            backend.delete(profile)
        if pending:
            _tell_structures(pending)
        ContactRequest.objects.filter(pk__in=[r.pk for r in requests]).delete()
        profile_erasing.send(sender=PartnerProfile, profile=profile)
        erase_emails(email_ids)
        profile.delete()
        delete_orphan_themes(theme_ids)
    invalidate_cached_pages()
    return True


def _tell_structures(pending):
    from . import emails
    from .models import DirectoryPage
    from .models.pages import link_for_email

    directory = DirectoryPage.objects.live().first()
    directory_url = link_for_email(directory, "index_route") if directory else ""
    for contact_request in pending:
        emails.profile_withdrawn_to_structure(contact_request, directory_url)


# Former name, kept for callers outside this app.
delete_profile = erase_profile
