"""Generate N fictional lexicon terms, published (for benchmarks)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core import seeding
from resources.models import GlossaryTerm

PREFIX = "Terme fictif de mesure"


class Command(BaseCommand):
    help = "Crée N termes fictifs du lexique, publiés (pour les mesures de performance)."

    def add_arguments(self, parser):
        parser.add_argument("--terms", type=int, default=150)

    def handle(self, *args, terms, **options):
        first = seeding.next_number(GlossaryTerm.objects, "term", PREFIX)
        with transaction.atomic():
            for n in range(first, first + terms):
                term = GlossaryTerm.objects.create(
                    term=f"{PREFIX} {n}",
                    slug=f"terme-fictif-de-mesure-{n}",
                    short_definition=f"Définition inventée numéro {n}.",
                    definition=f"<p>Définition inventée pour les mesures de performance, numéro {n}.</p>",
                )
                term.save_revision().publish()
        self.stdout.write(f"{terms} termes créés.")
