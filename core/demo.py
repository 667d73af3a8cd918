"""Demo content of the shared layer: the Domain taxonomy and the site settings.

`load` runs first (before any app's demo needs a domain); `ensure_settings` is
called by the home demo once the legal and contact pages exist.
"""

from core.models import Domain, PortalSettings


def load(command):
    ensure_domains()


def ensure_settings(site, pages, contact):
    settings = PortalSettings.for_site(site)
    settings.site_name = "Partenariat en santé"
    settings.organisation_name = "CRIAPS Occitanie — groupe de travail « partenariat en santé »"
    settings.region_code = "76"
    settings.department_codes = "09,11,12,30,31,32,34,46,48,65,66,81,82"
    settings.contact_email = "contact@partenariat-sante.example.org"
    settings.footer_text = (
        "Un portail co-construit par des patients, des proches-aidants, des représentants des usagers "
        "et des professionnels de santé."
    )
    settings.legal_page = pages["mentions-legales"]
    settings.privacy_page = pages["donnees-personnelles"]
    settings.accessibility_page = pages["accessibilite"]
    settings.contact_page = contact
    settings.save()


DOMAINS = [
    ("Soins", "soins", "La relation de soin et la participation de la personne à ses propres soins."),
    ("Organisation des soins", "organisation-des-soins", "Parcours, services, accueil, qualité et sécurité des soins."),
    (
        "Enseignement et formation",
        "enseignement",
        "Former les professionnels, et se former ensemble, avec des patients.",
    ),
    ("Recherche", "recherche", "Concevoir et conduire des recherches avec des patients chercheurs."),
    (
        "Gouvernance",
        "gouvernance",
        "Participer aux décisions des établissements, des territoires et des politiques de santé.",
    ),
    (
        "Éducation thérapeutique",
        "education-therapeutique",
        "Concevoir et animer des programmes d'éducation thérapeutique avec des patients intervenants.",
    ),
    (
        "Démocratie en santé",
        "democratie-en-sante",
        "Représenter les usagers et faire entendre leur voix dans les instances et les débats publics de santé.",
    ),
]


def ensure_domains():
    for order, (name, slug, description) in enumerate(DOMAINS):
        Domain.objects.update_or_create(
            slug=slug, defaults={"name": name, "short_description": description, "sort_order": order}
        )
