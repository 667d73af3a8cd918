from django.core.management.base import BaseCommand

from participation.digest import BATCH_SIZE, send_digests


class Command(BaseCommand):
    help = "Queue the alert digests of new calls for participation (daily; the email worker sends them)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, batch_size, **options):
        queued, batches = send_digests(batch_size=batch_size)
        self.stdout.write(f"{queued} alerte(s) mise(s) en file, en {batches} lot(s).")
