"""Build (or refresh) the demo site. Idempotent: run it as often as you like.

Each app contributes a `demo.py` module with a `load(command)` function; they
run in the order below and read their texts from the data files under demo/
(core.demo.data; docs/demo-content.md). All texts are written for the portal
from the facts in the working group's source documents. The default Site
then gets the hostname and port of BASE_URL (core.links.sync_default_site).

Under production settings (`PORTAL_IS_PRODUCTION`) it refuses to run unless
given `--i-know-this-is-production`: demo users, fictional partners and the
example barometer session have nothing to do on a real portal.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.links import sync_default_site

DEMO_MODULES = [
    "core.demo",
    "home.demo",
    "resources.demo",
    "projects.demo",
    "accompaniment.demo",
    "directory.demo",
    "about.demo",
    "participation.demo",
    "tools.demo",
    "search.demo",
    "agenda.demo",
    "news.demo",
    # Demo users per role, and pages left in review at each step.
    "editorial.demo",
    # After the pages in review: sources on the knowledge pages, then the cross review of the others.
    "resources.demo_sources",
]


class Command(BaseCommand):
    help = "Charge (ou met à jour) le contenu de démonstration du portail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-production",
            action="store_true",
            dest="production_ok",
            help="Charge aussi le contenu de démonstration sous les réglages de production.",
        )

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_IS_PRODUCTION", False) and not options["production_ok"]:
            raise CommandError(
                "Réglages de production\u202f: le contenu de démonstration (comptes, partenaires fictifs, session "
                "d'exemple) n'est pas chargé. Si c'est bien voulu, relancez avec --i-know-this-is-production."
            )
        for path in DEMO_MODULES:
            module = import_module(path)
            with transaction.atomic():
                module.load(self)
            self.stdout.write(f"  ✓ {path}")
        # The default site answers at BASE_URL (sitemap, canonical links).
        sync_default_site()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration à jour."))
