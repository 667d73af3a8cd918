"""Erase the personal data of old applications to calls for projects.

After ACCOMPANIMENT_RETENTION_DAYS (default 365) from the application, the
contact person's name and address, the team's rows, the reviewers' texts,
the emails sent to the applicant and the admin's log rows go; the call and
the status stay, so the outcome figures of the call do not change. Spam is
deleted after 30 days. Daily cron: see docs/rgpd.md.
"""

from django.core.management.base import BaseCommand

from accompaniment.privacy import purge


class Command(BaseCommand):
    help = "Efface les données personnelles des candidatures anciennes aux appels à projets."

    def handle(self, *args, **options):
        erased, spam = purge()
        self.stdout.write(f"{erased} candidature(s) anonymisée(s), {spam} indésirable(s) supprimée(s).")
