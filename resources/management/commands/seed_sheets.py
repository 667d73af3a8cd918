"""Generate N fictional tool sheets under the tool sheet index (for benchmarks)."""

from django.core.management.base import BaseCommand

from core import seeding
from core.vocabulary import EngagementDegree, EngagementScale
from resources.models import ToolSheetIndexPage, ToolSheetPage

PREFIX = "Fiche fictive de mesure"


class Command(BaseCommand):
    help = "Crée N fiches outils fictives (pour les mesures de performance), sous la page des fiches."

    def add_arguments(self, parser):
        parser.add_argument("--sheets", type=int, default=100)

    def handle(self, *args, sheets, **options):
        index = seeding.section(ToolSheetIndexPage, "seed_sheets")
        domains = seeding.domains()
        first = seeding.next_number(ToolSheetPage.objects, "title", PREFIX)
        pages = []
        for n in range(first, first + sheets):
            page = ToolSheetPage(
                title=f"{PREFIX} {n}",
                slug=f"fiche-fictive-de-mesure-{n}",
                summary=f"Fiche inventée pour les mesures de performance, numéro {n}.",
                domain=seeding.cycle(domains, n),
                engagement_degree=seeding.cycle(EngagementDegree.values, n),
                engagement_scale=seeding.cycle(EngagementScale.values, n),
                body=[("paragraph", f"<p>Texte de démonstration de la fiche {n}, sans valeur pratique.</p>")],
            )
            page.tags.add(seeding.cycle(seeding.THEMES, n))
            pages.append(page)
        created = seeding.publish_children(index, pages)
        self.stdout.write(f"{created} fiches créées.")
