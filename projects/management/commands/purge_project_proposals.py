"""Delete the personal data of old project proposals.

A proposal keeps the proposer's name and address only as long as the editors
may need to write back: after PROJECTS_PROPOSAL_RETENTION_DAYS (default 365)
the name and address are erased, and so are the acknowledgements sent to the
proposers (outbox rows older than the same limit); the project facts stay
(they are in the draft or published page anyway). Spam proposals are deleted outright after
30 days.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import OutgoingEmail
from core.privacy import erase_emails
from projects.models import ProjectProposal

ERASED = "(effacé)"


class Command(BaseCommand):
    help = "Efface le nom et l'adresse des propositions de projets anciennes, supprime les indésirables."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Affiche ce qui serait fait, sans rien changer.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        days = getattr(settings, "PROJECTS_PROPOSAL_RETENTION_DAYS", 365)
        limit = now - timedelta(days=days)
        old = ProjectProposal.objects.filter(created_at__lt=limit, is_spam=False).exclude(submitter_name=ERASED)
        spam = ProjectProposal.objects.filter(created_at__lt=now - timedelta(days=30), is_spam=True)
        # The acknowledgement went to the proposer's address: it is as old as
        # the proposal it answered (the editors' notification holds no address).
        acks = OutgoingEmail.objects.filter(purpose="project-proposal-ack", created_at__lt=limit)
        counts = (old.count(), spam.count(), acks.count())
        if not dry_run:
            old.update(submitter_name=ERASED, submitter_email="efface@example.invalid")
            spam.delete()
            erase_emails(acks)
        prefix = "[simulation] " if dry_run else ""
        self.stdout.write(
            f"{prefix}{counts[0]} proposition(s) anonymisée(s), {counts[1]} indésirable(s) supprimée(s), "
            f"{counts[2]} accusé(s) de réception effacé(s)."
        )
