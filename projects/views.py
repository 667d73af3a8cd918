"""Views behind the routes of ProjectIndexPage: listing with facets (also
used by the domain landing pages), territory map, Atom feed, proposal form."""

import datetime

from django.db import transaction
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core import geo
from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.emails import render_email
from core.facets import Facet, used_tags
from core.links import page_url, subpage_url
from core.listing import Listing, Sort
from core.models import Domain, PortalSettings
from core.models.outbox import queue_email
from core.vocabulary import EngagementDegree, EngagementScale, PartnerRole
from projects import mapdata
from projects.forms import ProjectProposalForm
from projects.models import MethodStep, ProjectPage, ProjectPartnerRole, ProjectProposal, ProjectStatus

PROJECT_SORTS = [
    Sort("recent", _("Les plus récents"), ("-start_year", "-first_published_at", "title")),
    Sort("titre", _("Ordre alphabétique (A à Z)"), ("title", "pk")),
]


def _year_options():
    this_year = datetime.date.today().year
    return [(str(y), str(y)) for y in range(this_year + 1, 1989, -1)]


def _call_options():
    from accompaniment.models import CallForProjectsPage

    return list(CallForProjectsPage.objects.live().order_by("-opens_on").values_list("slug", "title"))


def project_facets(include_domain=True):
    """The facets of the showcase (one count query each); a domain's landing
    page has no domain facet."""
    facets = []
    if include_domain:
        facets.append(
            Facet(
                "domaine",
                gettext("Domaine"),
                "domain__slug",
                options=lambda: list(Domain.objects.values_list("slug", "name")),
            )
        )
    facets += [
        Facet("region", gettext("Région"), "region_code", options=lambda: geo.REGION_CHOICES),
        Facet(
            "departement",
            gettext("Département"),
            "department_code",
            options=lambda: [(code, f"{name} ({code})") for code, (name, _r) in geo.DEPARTMENTS.items()],
        ),
        Facet(
            "theme",
            gettext("Thème"),
            "tagged_items__tag__slug",
            options=used_tags("projects_projectpagetag_items"),
        ),
        Facet("statut", gettext("État"), "status", options=lambda: ProjectStatus.choices),
        Facet(
            "engagement", gettext("Degré d'engagement"), "engagement_degree", options=lambda: EngagementDegree.choices
        ),
        Facet("niveau", gettext("Niveau"), "engagement_scale", options=lambda: EngagementScale.choices),
        Facet("role", gettext("Rôle des partenaires"), "partner_roles__role", options=lambda: PartnerRole.choices),
        Facet("annee", gettext("Année de début"), "start_year", options=_year_options),
        Facet("etape", gettext("Étape atteinte"), "step_reached", options=lambda: MethodStep.choices),
        Facet("appel", gettext("Appel à projets"), "call__slug", options=_call_options),
    ]
    return facets


def project_listing(index_page, include_domain=True):
    return Listing(
        facets=project_facets(include_domain),
        sorts=PROJECT_SORTS,
        per_page=index_page.per_page,
        prepare=lambda projects: projects.select_related("domain").prefetch_related("tagged_items__tag"),
    )


def project_list(index_page, request, domain=None):
    """The showcase, or a domain's landing page (`domain`): facets, free
    text, sorts and pages through core.listing."""
    projects = index_page.projects()
    if domain is not None:
        projects = projects.filter(domain=domain)
    context = index_page.get_context(request)
    context.update(project_listing(index_page, include_domain=domain is None).context(request, projects))
    context["domain"] = domain
    if domain is not None:
        context["breadcrumb_current"] = domain.name
    return TemplateResponse(request, "projects/project_index_page.html", context)


def domain_project_list(index_page, request, slug):
    """A domain's landing page: its intro, then its projects."""
    domain = Domain.objects.filter(slug=slug).first()
    if domain is None:
        raise Http404("Domaine inconnu")
    return project_list(index_page, request, domain=domain)


def territory_counts(index_page, request):
    """Department rows for the map and its table: the configured region's
    departments first (zero included), then any other department with projects."""
    settings = PortalSettings.for_request(request)
    shown = settings.departments()
    counts = dict(
        index_page.projects()
        .order_by()
        .values_list("department_code")
        .annotate(n=Count("pk", distinct=True))
        .values_list("department_code", "n")
    )
    rows = []
    list_url = index_page.get_url(request)
    for code, name in shown:
        rows.append({"code": code, "name": name, "count": counts.get(code, 0), "in_region": True})
    shown_codes = {code for code, _name in shown}
    others = sorted(
        (code for code in counts if code not in shown_codes),
        key=lambda code: (geo.region_name(geo.region_of(code)), code),
    )
    for code in others:
        rows.append(
            {
                "code": code,
                "name": geo.department_name(code) or code,
                "count": counts[code],
                "in_region": False,
                "region": geo.region_name(geo.region_of(code)),
            }
        )
    for row in rows:
        row["url"] = f"{list_url}?departement={row['code']}"
        row["shade"] = mapdata.shade(row["count"])
    return settings, rows


def territory_map(index_page, request):
    settings, rows = territory_counts(index_page, request)
    by_code = {row["code"]: row for row in rows if row["in_region"]}
    shapes = [
        {**by_code[code], "path": path_data, "x": round(cx, 1), "y": round(cy, 1)}
        for code, path_data, (cx, cy) in mapdata.shapes(list(by_code))
    ]
    context = index_page.get_context(request)
    context.update(
        {
            "rows": rows,
            "region_rows": [r for r in rows if r["in_region"]],
            "other_rows": [r for r in rows if not r["in_region"]],
            "total": sum(r["count"] for r in rows),
            "shapes": shapes,
            "view_box": mapdata.view_box(list(by_code)),
            "legend": [(shade_class, label) for _min, shade_class, label in mapdata.SHADES],
            "credit": mapdata.credit(),
            "region_name": settings.region_name,
            "breadcrumb_current": gettext("Carte du territoire"),
        }
    )
    return TemplateResponse(request, "projects/project_map.html", context)


def atom_feed(index_page, request, limit=30):
    """Newly published projects. Public facts only: no submitter, no contact."""
    feed = Atom1Feed(
        title=gettext("%(title)s — nouveaux projets") % {"title": index_page.title},
        link=page_url(index_page, request),
        description=index_page.intro,
        language="fr",
        feed_url=subpage_url(index_page, "feed_route", request=request),
    )
    projects = (
        index_page.projects()
        .exclude(first_published_at=None)
        .order_by("-first_published_at", "-pk")
        .select_related("domain")
        .prefetch_related("tagged_items__tag")[:limit]
    )
    for project in projects:
        categories = ([project.domain.name] if project.domain_id else []) + [
            t.tag.name for t in project.tagged_items.all()
        ]
        place = ", ".join(filter(None, [project.structure_name, project.town, project.department_name]))
        feed.add_item(
            title=project.title,
            link=page_url(project, request),
            unique_id=page_url(project, request),
            description=escape(f"{project.summary} — {place}"),
            pubdate=project.first_published_at,
            updateddate=project.last_published_at or project.first_published_at,
            categories=categories,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def propose(index_page, request):
    template = "projects/project_proposal.html"
    context = index_page.get_context(request)
    context["breadcrumb_current"] = gettext("Proposer un projet")
    if request.method != "POST":
        context["form"] = ProjectProposalForm()
        return TemplateResponse(request, template, context)

    form = ProjectProposalForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return TemplateResponse(request, template, context, status=400)
    if rate_limit_exceeded(request, "project-proposal", email=form.cleaned_data["submitter_email"]):
        return render_rate_limited(request, template, context)
    proposal = store_proposal(index_page, form)
    context["proposal"] = proposal
    return TemplateResponse(request, "projects/project_proposal_thanks.html", context)


def _paragraphs(text):
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n") if part.strip())


def _draft_page(index_page, proposal, domain, theme_names):
    """The proposal as an unpublished project page under `index_page`, with a
    first revision for the editors to review."""
    body = []
    for heading, text in (
        (gettext("Objectifs"), proposal.objectives),
        (gettext("L'équipe"), proposal.team),
        (gettext("Résultats et enseignements"), proposal.results),
    ):
        if text.strip():
            body.append(("heading", {"text": heading, "level": "h2"}))
            body.append(("paragraph", _paragraphs(text)))
    page = ProjectPage(
        title=proposal.title,
        slug=f"{slugify(proposal.title)[:60].strip('-') or 'projet'}-proposition-{proposal.pk}",
        summary=proposal.summary,
        domain=domain,
        structure_name=proposal.structure_name,
        structure_type=proposal.structure_type,
        department_code=proposal.department_code,
        town=proposal.town,
        start_year=proposal.start_year,
        end_year=proposal.end_year,
        status=proposal.status,
        engagement_degree=proposal.engagement_degree,
        engagement_scale=proposal.engagement_scale,
        contact_email=proposal.public_contact_email,
        body=body,
        live=False,
        partner_roles=[ProjectPartnerRole(role=role) for role in proposal.partner_roles],
    )
    for name in theme_names:
        page.tags.add(name)
    index_page.add_child(instance=page)
    page.save_revision(log_action=True)
    return page


@transaction.atomic
def store_proposal(index_page, form):
    """Store the proposal; unless it is spam, create a draft project page and
    queue the acknowledgement and the editors' notice (sent after commit)."""
    data = form.cleaned_data
    domain = Domain.objects.filter(slug=data["domain"]).first()
    proposal = ProjectProposal.objects.create(
        submitter_name=data["submitter_name"],
        submitter_email=data["submitter_email"],
        title=data["title"],
        summary=data["summary"],
        domain=domain,
        themes=", ".join(form.theme_names()),
        structure_name=data["structure_name"],
        structure_type=data["structure_type"],
        department_code=data["department_code"],
        town=data.get("town", ""),
        start_year=data.get("start_year"),
        end_year=data.get("end_year"),
        status=data["status"],
        engagement_degree=data["engagement_degree"],
        engagement_scale=data["engagement_scale"],
        partner_roles=list(data.get("partner_roles") or []),
        objectives=data.get("objectives", ""),
        team=data.get("team", ""),
        results=data.get("results", ""),
        public_contact_email=data.get("public_contact_email", ""),
        is_spam=form.is_spam,
        spam_reason=form.spam_reason,
    )
    if proposal.is_spam:
        return proposal

    proposal.draft_page = _draft_page(index_page, proposal, domain, form.theme_names())
    proposal.save(update_fields=["draft_page"])

    site_settings = PortalSettings.for_site(index_page.get_site()) if index_page.get_site() else None
    subject, body = render_email("projects/emails/proposal_ack", {"proposal": proposal})
    queue_email(to=proposal.submitter_email, subject=subject, body=body, purpose="project-proposal-ack")
    if site_settings and site_settings.contact_email:
        subject, body = render_email("projects/emails/proposal_editors", {"proposal": proposal})
        queue_email(to=site_settings.contact_email, subject=subject, body=body, purpose="project-proposal-editors")
    return proposal
