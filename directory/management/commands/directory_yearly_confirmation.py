"""Yearly confirmation: ask partners not confirmed for 12 months whether they
stay listed; pause those who did not answer within 30 days; erase
registrations whose address was never confirmed. Idempotent: a partner is
asked once per cycle, and paused once."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from directory import emails, links
from directory.models import DirectoryPage, PartnerProfile
from directory.models.pages import link_for_email
from directory.privacy import erase_profile


class Command(BaseCommand):
    help = "Demande la confirmation annuelle des profils et met en pause ceux restés sans réponse 30 jours."

    def handle(self, *args, **options):
        now = timezone.now()
        directory = DirectoryPage.objects.live().first()
        published = PartnerProfile.objects.published()
        to_ask = published.filter(
            Q(last_confirmed_at__lt=now - timedelta(days=365)) | Q(last_confirmed_at__isnull=True),
            confirmation_requested_at__isnull=True,
        )
        asked = 0
        for profile in to_ask:
            profile.confirmation_requested_at = now
            profile.save(update_fields=["confirmation_requested_at", "updated_at"])
            token = links.make_token("yearly", profile.pk)
            emails.yearly_confirmation(profile, link_for_email(directory, "manage_link_route", token))
            asked += 1
        paused = 0
        for profile in published.filter(confirmation_requested_at__lt=now - timedelta(days=30)):
            profile.set_status(PartnerProfile.Status.PAUSED)
            paused += 1
        # Registrations whose address was never confirmed (link valid 7 days) are erased.
        purged = 0
        for profile in PartnerProfile.objects.filter(
            status=PartnerProfile.Status.PENDING,
            email_confirmed_at__isnull=True,
            created_at__lt=now - timedelta(days=8),
        ):
            erase_profile(profile)
            purged += 1
        self.stdout.write(
            f"{asked} demande(s) de confirmation envoyée(s), {paused} profil(s) mis en pause, "
            f"{purged} inscription(s) non confirmée(s) effacée(s)."
        )
