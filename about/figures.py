"""The key figures, computed from live data on every request: a fixed number
of aggregate queries whatever the amount of data (tests/about/test_figures.py).

Figures about people's exchanges (contact requests) are shown only from
THRESHOLD up, so that nobody can be recognised behind a small number."""

from django.db.models import Count, Q
from django.utils.translation import gettext

from about.charts import bars
from core.models import Domain, PortalSettings
from core.vocabulary import EngagementDegree, EngagementScale, PartnerRole
from directory.models import ContactRequest, PartnerProfile, ProfileRole
from projects import mapdata
from projects.models import ProjectPage

THRESHOLD = 5

# Map shades for partners: (minimum, shade class, legend), the projects map's classes.
PARTNER_SHADES = [
    (0, 0, "aucun partenaire"),
    (1, 1, "1 partenaire"),
    (2, 2, "2 ou 3"),
    (4, 3, "4 à 6"),
    (7, 4, "7 ou plus"),
]


def shown(count):
    """The count, or None under the threshold (written "—")."""
    return count if count >= THRESHOLD else None


def shade(count):
    level = 0
    for minimum, shade_class, _legend in PARTNER_SHADES:
        if count >= minimum:
            level = shade_class
    return level


def counts(queryset, field):
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk", distinct=True)).values_list(field, "n"))


def partner_figures(settings):
    published = PartnerProfile.objects.published()
    total = published.count()
    by_dept = counts(published, "public_department")
    region = settings.departments()
    rows = [{"code": code, "name": name, "count": by_dept.get(code, 0)} for code, name in region]
    in_region = {code for code, _name in region}
    elsewhere = sum(n for code, n in by_dept.items() if code and code not in in_region)
    hidden = by_dept.get("", 0)
    by_code = {row["code"]: row for row in rows}
    for row in rows:
        row["shade"] = shade(row["count"])
    shapes = [
        {**by_code[code], "path": path, "x": round(cx, 1), "y": round(cy, 1)}
        for code, path, (cx, cy) in mapdata.shapes(list(by_code))
    ]
    roles = dict(
        ProfileRole.objects.filter(profile__status=PartnerProfile.Status.PUBLISHED)
        .order_by()
        .values_list("role")
        .annotate(n=Count("profile", distinct=True))
        .values_list("role", "n")
    )
    role_rows = [(label, roles.get(value, 0)) for value, label in PartnerRole.choices]
    return {
        "total": total,
        "departments": rows,
        "elsewhere": elsewhere,
        "hidden": hidden,
        "shapes": shapes,
        "view_box": mapdata.view_box(list(by_code)),
        "legend": [(shade_class, label) for _min, shade_class, label in PARTNER_SHADES],
        "credit": mapdata.credit(),
        "roles": role_rows,
        "roles_chart": bars(role_rows, gettext("Partenaires de l'annuaire par rôle")),
    }


def project_figures():
    projects = ProjectPage.objects.live().public()
    total = projects.count()
    by_domain = counts(projects, "domain")
    domain_rows = [(d.name, by_domain.get(d.pk, 0)) for d in Domain.objects.order_by("sort_order", "name")]
    by_degree = counts(projects, "engagement_degree")
    degree_rows = [(label, by_degree.get(value, 0)) for value, label in EngagementDegree.choices]
    by_scale = counts(projects, "engagement_scale")
    scale_rows = [(label, by_scale.get(value, 0)) for value, label in EngagementScale.choices]
    return {
        "total": total,
        "domains": domain_rows,
        "domains_chart": bars(domain_rows, gettext("Projets par domaine")),
        "degrees": degree_rows,
        "degrees_chart": bars(degree_rows, gettext("Projets par degré d'engagement")),
        "scales": scale_rows,
        "scales_chart": bars(scale_rows, gettext("Projets par niveau d'engagement")),
    }


def contact_figures():
    Status = ContactRequest.Status
    by_status = counts(ContactRequest.objects.exclude(status=Status.SPAM), "status")
    made = sum(by_status.values())
    answered = by_status.get(Status.ACCEPTED, 0) + by_status.get(Status.DECLINED, 0)
    accepted = by_status.get(Status.ACCEPTED, 0)
    rows = [
        (gettext("Demandes transmises"), shown(made)),
        (gettext("Demandes ayant reçu une réponse"), shown(answered)),
        (gettext("Demandes acceptées"), shown(accepted)),
    ]
    return {
        "made": shown(made),
        "answered": shown(answered),
        "rows": rows,
        "chart": bars(rows, gettext("Demandes de mise en relation")),
    }


def call_figures():
    """Calls for projects per year of opening: applications received (spam
    aside) and projects retained, in one query (accompaniment app)."""
    from accompaniment.models import Application
    from accompaniment.models.applications import ApplicationStatus

    per_year = (
        Application.objects.filter(is_spam=False)
        .values("call__opens_on__year")
        .annotate(received=Count("pk"), retained=Count("pk", filter=Q(status=ApplicationStatus.RETAINED)))
        .order_by("call__opens_on__year")
    )
    years = [(row["call__opens_on__year"], row["received"], row["retained"]) for row in per_year]
    rows = []
    for year, received, retained in years:
        rows.append((gettext("%(year)s : candidatures reçues") % {"year": year}, received))
        rows.append((gettext("%(year)s : projets retenus") % {"year": year}, retained))
    return {"years": years, "rows": rows, "chart": bars(rows, gettext("Appels à projets par année"))}


def key_figures(request):
    settings = PortalSettings.for_request(request)
    return {
        "region_name": settings.region_name,
        "partners": partner_figures(settings),
        "projects": project_figures(),
        "contacts": contact_figures(),
        "calls": call_figures(),
        "threshold": THRESHOLD,
    }


def home_figures():
    """The three figures the home page shows."""
    contacts = contact_figures()
    return {
        "partners": PartnerProfile.objects.published().count(),
        "projects": ProjectPage.objects.live().public().count(),
        "answered": contacts["answered"],
    }
