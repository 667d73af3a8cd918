"""The shared models move here from the home app, keeping their tables.

State: Domain, OutgoingEmail and PortalSettings with `db_table = "home_…"`.
Database: nothing to create; the `django_content_type` rows of the three models
are renamed from `home` to `core` in place, so their ids (and every permission,
reference-index, search-index, revision and log row pointing at them) stay.
On a new database there is no such row yet: content types are created after
the migrations, directly with the `core` label.
"""

import core.models.settings
import django.db.models.deletion
import django.utils.timezone
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ("domain", "outgoingemail", "portalsettings")


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def rename_content_types(apps, schema_editor):
    _relabel(apps, "home", "core")


def unrename_content_types(apps, schema_editor):
    _relabel(apps, "core", "home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0002_domain"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Domain",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("name", models.CharField(max_length=80, unique=True, verbose_name="Nom")),
                        (
                            "slug",
                            models.SlugField(
                                blank=True, max_length=80, unique=True, verbose_name="Identifiant dans l'adresse"
                            ),
                        ),
                        (
                            "short_description",
                            models.CharField(blank=True, max_length=200, verbose_name="Description courte"),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(
                                blank=True, help_text="Affichée sur la page du domaine.", verbose_name="Introduction"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "domaine",
                        "verbose_name_plural": "domaines",
                        "db_table": "home_domain",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name="OutgoingEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("purpose", models.CharField(db_index=True, max_length=60, verbose_name="Objet technique")),
                        (
                            "to",
                            models.TextField(
                                help_text="Adresses séparées par des virgules.", verbose_name="Destinataires"
                            ),
                        ),
                        ("reply_to", models.CharField(blank=True, max_length=254, verbose_name="Répondre à")),
                        ("subject", models.CharField(max_length=200, verbose_name="Sujet")),
                        ("body", models.TextField(verbose_name="Message")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "En attente d'envoi"),
                                    ("sent", "Envoyé"),
                                    ("failed", "Échec : à vérifier"),
                                    ("cancelled", "Annulé"),
                                ],
                                db_index=True,
                                default="pending",
                                max_length=12,
                                verbose_name="État",
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="Tentatives")),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now, verbose_name="Prochaine tentative"
                            ),
                        ),
                        ("last_error", models.CharField(blank=True, max_length=300, verbose_name="Dernière erreur")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Créé le")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="Envoyé le")),
                    ],
                    options={
                        "verbose_name": "courriel sortant",
                        "verbose_name_plural": "courriels sortants",
                        "db_table": "home_outgoingemail",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="PortalSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "site_name",
                            models.CharField(default="Partenariat en santé", max_length=80, verbose_name="Nom du site"),
                        ),
                        (
                            "organisation_name",
                            models.CharField(
                                default="CRIAPS Occitanie — groupe de travail partenariat en santé",
                                max_length=120,
                                verbose_name="Organisation éditrice",
                            ),
                        ),
                        (
                            "tagline",
                            models.CharField(
                                blank=True,
                                default="Patients, proches-aidants et professionnels : agir ensemble pour la santé",
                                max_length=160,
                                verbose_name="Accroche",
                            ),
                        ),
                        (
                            "primary_colour",
                            models.CharField(
                                default="#1d4f91",
                                help_text="Titres, liens et boutons. Contraste d'au moins 4,5:1 sur fond blanc (vérifié).",
                                max_length=7,
                                validators=[core.models.settings.validate_accessible_colour],
                                verbose_name="Couleur principale",
                            ),
                        ),
                        (
                            "accent_colour",
                            models.CharField(
                                default="#8a3b12",
                                help_text="Encadrés et éléments mis en avant. Contraste d'au moins 4,5:1 sur fond blanc (vérifié).",
                                max_length=7,
                                validators=[core.models.settings.validate_accessible_colour],
                                verbose_name="Couleur d'accent",
                            ),
                        ),
                        (
                            "region_code",
                            models.CharField(
                                choices=[
                                    ("84", "Auvergne-Rhône-Alpes"),
                                    ("27", "Bourgogne-Franche-Comté"),
                                    ("53", "Bretagne"),
                                    ("24", "Centre-Val de Loire"),
                                    ("94", "Corse"),
                                    ("44", "Grand Est"),
                                    ("01", "Guadeloupe"),
                                    ("03", "Guyane"),
                                    ("32", "Hauts-de-France"),
                                    ("04", "La Réunion"),
                                    ("02", "Martinique"),
                                    ("06", "Mayotte"),
                                    ("28", "Normandie"),
                                    ("75", "Nouvelle-Aquitaine"),
                                    ("76", "Occitanie"),
                                    ("52", "Pays de la Loire"),
                                    ("93", "Provence-Alpes-Côte d'Azur"),
                                    ("11", "Île-de-France"),
                                ],
                                default="76",
                                help_text="La région couverte par le portail.",
                                max_length=3,
                                verbose_name="Région",
                            ),
                        ),
                        (
                            "department_codes",
                            models.CharField(
                                blank=True,
                                help_text="Codes INSEE séparés par des virgules, dans l'ordre des filtres et de la carte. Vide : tous les départements de la région.",
                                max_length=300,
                                verbose_name="Départements affichés",
                            ),
                        ),
                        (
                            "contact_email",
                            models.EmailField(
                                default="contact@partenariat-sante.example.org",
                                help_text="Reçoit les messages du formulaire de contact et les signalements.",
                                max_length=254,
                                verbose_name="Adresse de contact",
                            ),
                        ),
                        (
                            "footer_text",
                            models.TextField(blank=True, max_length=500, verbose_name="Texte du pied de page"),
                        ),
                        (
                            "social_links",
                            wagtail.fields.StreamField(
                                [("link", 2)],
                                blank=True,
                                block_lookup={
                                    0: ("wagtail.blocks.CharBlock", (), {"label": "Nom du réseau", "max_length": 40}),
                                    1: ("wagtail.blocks.URLBlock", (), {"label": "Adresse"}),
                                    2: ("wagtail.blocks.StructBlock", [[("label", 0), ("url", 1)]], {"label": "Lien"}),
                                },
                                verbose_name="Réseaux sociaux",
                            ),
                        ),
                        (
                            "accessibility_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Déclaration d'accessibilité",
                            ),
                        ),
                        (
                            "contact_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Page de contact",
                            ),
                        ),
                        (
                            "legal_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Mentions légales",
                            ),
                        ),
                        (
                            "logo",
                            models.ForeignKey(
                                blank=True,
                                help_text="Facultatif. Sans logo, le nom du site s'affiche seul.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="Logo",
                            ),
                        ),
                        (
                            "privacy_page",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="Données personnelles",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Réglages du portail",
                        "db_table": "home_portalsettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_types, unrename_content_types),
    ]
