"""Point at the shared models now in the core app (same tables: state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("projects", "0002_projectrelatedsheet"),
    ]

    operations = [
        # State only: the tables and their constraints are already right.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="projectpage",
                    name="domain",
                    field=models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="projects",
                        to="core.domain",
                        verbose_name="Domaine",
                    ),
                ),
                migrations.AlterField(
                    model_name="projectproposal",
                    name="domain",
                    field=models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to="core.domain",
                        verbose_name="Domaine",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
