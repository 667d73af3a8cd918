"""Generate N fictional projects under the project index (for benchmarks)."""

from django.core.management.base import BaseCommand

from core import seeding
from core.vocabulary import EngagementDegree, EngagementScale, StructureType
from projects.models import ProjectIndexPage, ProjectPage
from projects.models.pages import ProjectStatus

PREFIX = "Projet fictif de mesure"


class Command(BaseCommand):
    help = "Crée N projets fictifs (pour les mesures de performance), sous la page des projets."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=300)

    def handle(self, *args, projects, **options):
        index = seeding.section(ProjectIndexPage, "seed_projects")
        domains = seeding.domains()
        first = seeding.next_number(ProjectPage.objects, "title", PREFIX)
        pages = []
        for n in range(first, first + projects):
            page = ProjectPage(
                title=f"{PREFIX} {n}",
                slug=f"projet-fictif-de-mesure-{n}",
                summary=f"Projet inventé pour les mesures de performance, numéro {n} : aucun lien avec un projet réel.",
                domain=seeding.cycle(domains, n),
                structure_name=f"CH de {seeding.cycle(seeding.TOWNS, n)} (fictif)",
                structure_type=seeding.cycle(StructureType.values, n),
                department_code=seeding.cycle(seeding.DEPARTMENTS, n),
                town=seeding.cycle(seeding.TOWNS, n),
                start_year=2018 + n % 8,
                status=seeding.cycle(ProjectStatus.values, n),
                engagement_degree=seeding.cycle(EngagementDegree.values, n),
                engagement_scale=seeding.cycle(EngagementScale.values, n),
                is_illustrative=True,
            )
            page.tags.add(seeding.cycle(seeding.THEMES, n))
            pages.append(page)
        created = seeding.publish_children(index, pages)
        self.stdout.write(f"{created} projets créés.")
