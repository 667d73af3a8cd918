"""The shared models now belong to the core app: forget them here, keep their
tables (core/migrations/0001_initial.py took them over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_shared_models_in_core"),
        ("home", "0002_domain"),
        ("projects", "0003_shared_models_in_core"),
        ("resources", "0002_shared_models_in_core"),
    ]

    operations = [
        # State only: the tables and their constraints are already right.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="Domain",
                ),
                migrations.DeleteModel(
                    name="OutgoingEmail",
                ),
                migrations.DeleteModel(
                    name="PortalSettings",
                ),
            ],
            database_operations=[],
        ),
    ]
