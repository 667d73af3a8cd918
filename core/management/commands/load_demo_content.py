"""Build (or refresh) the demo site. Idempotent: run it as often as you like.

Each app contributes a `demo.py` module with a `load(command)` function; they
run in the order below and read their texts from the data files under demo/
(core.demo.data; docs/demo-content.md). All texts are written for the portal
from the facts in the working group's source documents. The default Site
then gets the hostname and port of BASE_URL (core.links.sync_default_site).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from core.links import sync_default_site

DEMO_MODULES = [
    "core.demo",
    "home.demo",
    "resources.demo",
    "projects.demo",
    "directory.demo",
    "tools.demo",
    "search.demo",
    # Last: demo users per role, and pages left in review at each step.
    "editorial.demo",
]


class Command(BaseCommand):
    help = "Charge (ou met à jour) le contenu de démonstration du portail."

    def handle(self, *args, **options):
        for path in DEMO_MODULES:
            module = import_module(path)
            with transaction.atomic():
                module.load(self)
            self.stdout.write(f"  ✓ {path}")
        # The default site answers at BASE_URL (sitemap, canonical links).
        sync_default_site()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration à jour."))
