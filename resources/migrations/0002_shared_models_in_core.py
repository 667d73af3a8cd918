"""Point at the shared models now in the core app (same tables: state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("resources", "0001_initial"),
    ]

    operations = [
        # State only: the tables and their constraints are already right.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="toolsheetpage",
                    name="domain",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="tool_sheets",
                        to="core.domain",
                        verbose_name="Domaine",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
