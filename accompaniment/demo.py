"""Demo content of the calls for projects: the index, last year's call
(closed) with its outcome computed from 67 generated fictional applications
(20 retained, 22 not retained, 25 not eligible: 42 eligible), this year's
call (open), and demo projects of fictional structures at different steps of
the accompaniment method.

The generated applications are anonymous from the start (no name, an
address under example.invalid, marked erased): they exist only so that the
figures are computed like any call's. Texts: demo/accompaniment/calls.toml.
"""

import datetime

from django.utils import timezone

from accompaniment.models import Application, ApplicationStatus, CallForProjectsIndexPage, CallForProjectsPage
from accompaniment.models.applications import ERASED, ERASED_EMAIL
from core.demo import upsert_page
from core.demo.data import read
from home.demo import get_home
from projects.models import ProjectAccompanimentStep, ProjectPage

WHERE = "accompaniment/calls.toml"
# Last year's outcome (seed 000): 67 received, 42 eligible, 20 retained.
OUTCOME = [(ApplicationStatus.RETAINED, 20), (ApplicationStatus.NOT_RETAINED, 22), (ApplicationStatus.INELIGIBLE, 25)]
STRUCTURE_TYPES = ["ch", "chu", "esms", "cpts", "msp", "association", "formation", "clinique"]
DEPARTMENTS = ["09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"]
DEGREES = ["consultation", "collaboration", "partenariat"]
SCALES = ["micro", "meso", "macro"]


def _call(index, data, opens_on, closes_on, decision_on):
    data = dict(data)
    title = data.pop("title_pattern").format(year=opens_on.year)
    slug = data.pop("slug")
    fields = {"opens_on": opens_on, "closes_on": closes_on, "decision_on": decision_on}
    page, _ = upsert_page(index, CallForProjectsPage, {**data, "title": title, **fields}, WHERE, slug=slug)
    return page


def ensure_fictional_applications(call):
    """The 67 anonymous applications of last year's call, created once."""
    expected = sum(n for _status, n in OUTCOME)
    if call.applications.count() == expected:
        return
    call.applications.all().delete()
    decided = timezone.make_aware(datetime.datetime.combine(call.decision_on, datetime.time(12)))
    rows = []
    number = 0
    for status, count in OUTCOME:
        for _ in range(count):
            number += 1
            rows.append(
                Application(
                    call=call,
                    status=status,
                    structure_name=f"Structure candidate n° {number} (fictive)",
                    structure_type=STRUCTURE_TYPES[number % len(STRUCTURE_TYPES)],
                    department_code=DEPARTMENTS[number % len(DEPARTMENTS)],
                    project_title=f"Projet candidat n° {number} (fictif)",
                    summary="Candidature fictive générée pour la démonstration.",
                    engagement_degree=DEGREES[number % 3],
                    engagement_scale=SCALES[number % 3],
                    needs="—",
                    contact_name=ERASED,
                    contact_email=ERASED_EMAIL,
                    consent_at=decided,
                    decided_at=decided if status != ApplicationStatus.INELIGIBLE else None,
                    personal_data_erased_at=decided,
                )
            )
    Application.objects.bulk_create(rows)


def _month(today, months_before):
    month = today.month - months_before
    year = today.year + (month - 1) // 12
    return datetime.date(year, (month - 1) % 12 + 1, 1)


def ensure_steps(entries, calls, today):
    for entry in entries:
        project = ProjectPage.objects.filter(slug=entry["project"]).first()
        if project is None:  # the projects demo did not run
            continue
        wanted = [(step, status, _month(today, months), note) for step, status, months, note in entry["steps"]]
        current = [(s.step, s.status, s.date, s.note) for s in project.accompaniment_steps.all()]
        call = calls[entry["call"]]
        if current == wanted and project.call_id == call.pk:
            continue
        project.call = call
        project.accompaniment_steps = [
            ProjectAccompanimentStep(step=step, status=status, date=date, note=note, sort_order=order)
            for order, (step, status, date, note) in enumerate(wanted)
        ]
        project.save_revision().publish()


def load(command):
    data = read(WHERE)
    today = timezone.localdate()
    index, _ = upsert_page(get_home(), CallForProjectsIndexPage, data["index"], WHERE)
    last = today.year - 1
    previous = _call(
        index,
        data["last_year"],
        datetime.date(last, 1, 15),
        datetime.date(last, 3, 31),
        datetime.date(last, 5, 15),
    )
    current = _call(
        index,
        data["current"],
        today - datetime.timedelta(days=15),
        today + datetime.timedelta(days=45),
        today + datetime.timedelta(days=90),
    )
    ensure_fictional_applications(previous)
    ensure_steps(data["steps"], {"last_year": previous, "current": current}, today)
