"""The page of a call: the application form while the call is open, a clear
answer before and after (a POST then gets a French 410 page, never a 500)."""

from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext

from accompaniment.forms import ApplicationForm
from accompaniment.models import Application, TeamMember
from accompaniment.review import acknowledge
from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.models import Domain

TEMPLATE = "accompaniment/call_for_projects_page.html"


def serve_call(call, request):
    context = call.get_context(request)
    today = timezone.localdate()
    context["phase"] = call.phase(today)
    context["is_open"] = call.is_open(today)
    if request.method == "POST":
        if not context["is_open"]:
            context["breadcrumb_current"] = gettext("Candidature impossible")
            return TemplateResponse(request, "accompaniment/call_closed.html", context, status=410)
        form = ApplicationForm(request.POST)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(request, TEMPLATE, context, status=400)
        if rate_limit_exceeded(request, "call-application", email=form.cleaned_data["contact_email"]):
            return render_rate_limited(request, TEMPLATE, context)
        context["application"] = store_application(call, form)
        return TemplateResponse(request, "accompaniment/application_thanks.html", context)
    if request.method not in ("GET", "HEAD"):
        return TemplateResponse(request, TEMPLATE, context, status=405)
    if context["is_open"]:
        context["form"] = ApplicationForm()
    return TemplateResponse(request, TEMPLATE, context)


@transaction.atomic
def store_application(call, form):
    """Store the application first; unless it is spam, acknowledge it
    through the outbox (sent after commit)."""
    data = form.cleaned_data
    application = Application.objects.create(
        call=call,
        structure_name=data["structure_name"],
        structure_type=data["structure_type"],
        department_code=data["department_code"],
        contact_name=data["contact_name"],
        contact_email=data["contact_email"],
        project_title=data["project_title"],
        summary=data["summary"],
        domain=Domain.objects.filter(slug=data["domain"]).first(),
        engagement_degree=data["engagement_degree"],
        engagement_scale=data["engagement_scale"],
        needs=data["needs"],
        consent_at=timezone.now(),
        is_spam=form.is_spam,
        spam_reason=form.spam_reason,
    )
    TeamMember.objects.bulk_create(
        TeamMember(application=application, role=role, is_partner=partner, sort_order=order)
        for order, (role, partner) in enumerate(form.team())
    )
    if not application.is_spam:
        acknowledge(application)
    return application
