"""Fictional content in bulk for benchmarks (`seed_directory`, `seed_projects`,
`seed_sheets`, `seed_terms`): visibly fictional titles numbered from the
highest already seeded, so re-running adds N more. Pages are added under the
existing section index and published with a revision, as an editor would
(search and reference indexes are updated the usual way)."""

import itertools

from django.core.management.base import CommandError
from django.db import transaction

from core.models import Domain

DOMAINS = [
    ("soins", "Soins"),
    ("organisation-des-soins", "Organisation des soins"),
    ("enseignement", "Enseignement et formation"),
    ("recherche", "Recherche"),
    ("gouvernance", "Gouvernance"),
]
DEPARTMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]
TOWNS = ["Valfleuri", "Montcalme", "Roquebrune-sur-Lys", "Saint-Amans-des-Prés", "Lherm-le-Vieux"]
THEMES = ["ETP", "Parcours de soins", "Aidants", "FALC", "Santé mentale", "Maladies chroniques", "Pédiatrie"]


def domains():
    """The five domains, created when missing."""
    return [Domain.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in DOMAINS]


def section(model, command_name):
    index = model.objects.first()
    if index is None:
        raise CommandError(
            f"{command_name} : aucune page « {model._meta.verbose_name} ». Chargez d'abord la démo (load_demo_content)."
        )
    return index


def next_number(queryset, field, prefix):
    """1 + the highest N of the `prefix N` values already seeded."""
    numbers = [
        int(value.rsplit(" ", 1)[-1])
        for value in queryset.filter(**{f"{field}__startswith": prefix}).values_list(field, flat=True)
        if value.rsplit(" ", 1)[-1].isdigit()
    ]
    return max(numbers, default=0) + 1


def cycle(values, n):
    return next(itertools.islice(itertools.cycle(values), n, None))


def publish_children(parent, pages, batch=50):
    """Add each page under `parent` and publish it (one transaction per batch)."""
    created = 0
    for start in range(0, len(pages), batch):
        with transaction.atomic():
            for page in pages[start : start + batch]:
                parent.add_child(instance=page)
                page.save_revision().publish()
                created += 1
        parent.refresh_from_db()
    return created
