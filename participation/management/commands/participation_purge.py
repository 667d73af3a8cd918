from django.core.management.base import BaseCommand

from participation.privacy import purge


class Command(BaseCommand):
    help = "Erase unconfirmed calls, answers and alert subscriptions (8 days) and calls closed 24 months ago (daily)."

    def handle(self, *args, **options):
        calls, answers, subscriptions = purge()
        self.stdout.write(f"{calls} appel(s), {answers} réponse(s), {subscriptions} abonnement(s) effacé(s).")
