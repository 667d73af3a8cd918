"""Point at the shared models now in the core app (same tables: state only)."""

import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("directory", "0002_indexes"),
    ]

    operations = [
        # State only: the tables and their constraints are already right.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="contactrequest",
                    name="outgoing_emails",
                    field=models.ManyToManyField(blank=True, editable=False, related_name="+", to="core.outgoingemail"),
                ),
                migrations.AlterField(
                    model_name="partnerprofile",
                    name="domains",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.domain", verbose_name="Domaines d'intervention"
                    ),
                ),
                migrations.AlterField(
                    model_name="partnerprofile",
                    name="outgoing_emails",
                    field=models.ManyToManyField(blank=True, editable=False, related_name="+", to="core.outgoingemail"),
                ),
            ],
            database_operations=[],
        ),
    ]
