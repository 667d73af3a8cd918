"""Make sure a local administrator account exists (for `make run`).

The password comes from the ADMIN_PASSWORD environment variable; without it,
a random password is generated once and written to var/admin-password.txt
(git-ignored). Never a fixed password.

It also gives the default Wagtail Site the hostname and port of BASE_URL
(core.links.sync_default_site), so that the sitemap and canonical links agree
with the links in emails.
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core.links import sync_default_site


class Command(BaseCommand):
    help = "Crée le compte administrateur local s'il n'existe pas."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        self.sync_site()
        User = get_user_model()
        from_env = os.environ.get("ADMIN_PASSWORD")
        path = settings.BASE_DIR / "var" / "admin-password.txt"
        user = User.objects.filter(username=username).first()
        if user is not None:
            source = "ADMIN_PASSWORD" if from_env else str(path)
            if from_env:
                user.set_password(from_env)
                user.save(update_fields=["password"])
            self.stdout.write(f"Compte administrateur : « {username} » (mot de passe : {source}).")
            return
        if from_env:
            password, source = from_env, "la variable ADMIN_PASSWORD"
        else:
            password = secrets.token_urlsafe(12)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(password + "\n")
            path.chmod(0o600)
            source = str(path)
        User.objects.create_superuser(username=username, email=f"{username}@example.org", password=password)
        self.stdout.write(
            self.style.SUCCESS(f"Compte administrateur créé : « {username} » (mot de passe dans {source}).")
        )
        if not settings.DEBUG:
            self.stdout.write("Pensez à changer ce mot de passe.")

    def sync_site(self):
        site = sync_default_site()
        if site is not None:
            self.stdout.write(f"Site par défaut : {site.hostname}:{site.port} (BASE_URL).")
