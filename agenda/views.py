"""Views behind the routes of the agenda and its events: the agenda with
its filters, an event with its registration form, cancellation by a signed
link, and the iCalendar files."""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext

from agenda import ical, registration
from agenda.forms import RegistrationForm
from agenda.models import EventKind, EventPage, RegistrationStatus
from agenda.models.pages import RegistrationState
from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.facets import Facet, apply_facets
from core.vocabulary import Audience

# --- The agenda -----------------------------------------------------------------


def agenda_facets():
    return [
        Facet("type", gettext("Type d'événement"), "kind", options=lambda: EventKind.choices),
        Facet("public", gettext("Public"), "audiences__audience", options=lambda: Audience.choices),
    ]


def _with_seats(events):
    """Events with their audiences and the count of confirmed seats (for
    « complet » on the cards), in two queries whatever their number."""
    return list(
        events.annotate(
            confirmed_count=Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
        ).prefetch_related("audiences")
    )


def event_index(index_page, request):
    now = timezone.now()
    result = apply_facets(index_page.events(), agenda_facets(), request.GET, keep_params=())
    keys = list(result.queryset.order_by().values_list("pk", flat=True))
    events = EventPage.objects.filter(pk__in=keys)
    upcoming = _with_seats(events.filter(end__gte=now).order_by("start", "pk"))
    paginator = Paginator(events.filter(end__lt=now).order_by("-start", "-pk"), index_page.per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    past = _with_seats(EventPage.objects.filter(pk__in=[e.pk for e in page_obj.object_list]).order_by("-start", "-pk"))
    context = index_page.get_context(request)
    context.update(
        {
            "facets": result,
            "filtered": bool(result.active),
            "upcoming": upcoming,
            "past": past,
            "page_obj": page_obj,
            "now": now,
        }
    )
    return TemplateResponse(request, "agenda/event_index_page.html", context)


def agenda_ics(index_page, request):
    events = index_page.events().order_by("start", "pk")
    cal = ical.calendar(events, index_page.title, key=f"agenda-{index_page.pk}", request=request)
    return ical.response(cal, "agenda.ics")


# --- An event ------------------------------------------------------------------------

TEMPLATE = "agenda/event_page.html"


def _event_context(event, request, state, form=None):
    context = event.get_context(request)
    context.update(
        {
            "index_page": event.get_parent().specific if event.depth > 1 else None,
            "audiences": list(event.audiences.all()),
            "state": state,
            "states": RegistrationState,
            "form": form if form is not None else (RegistrationForm() if _accepts(state) else None),
        }
    )
    return context


def _accepts(state):
    return state in (RegistrationState.OPEN, RegistrationState.WAITING)


def event_detail(event, request):
    state = registration.state_of(event)
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, _event_context(event, request, state))
    if not _accepts(state):
        # Closed, full or past: a clear page, never a 500 (410: gone for good; 409: no seat left).
        status = 409 if state == RegistrationState.FULL else 410
        context = _event_context(event, request, state)
        context["refused"] = True
        return TemplateResponse(request, TEMPLATE, context, status=status)
    form = RegistrationForm(request.POST)
    context = _event_context(event, request, state, form=form)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, context, status=400)
    if rate_limit_exceeded(request, "agenda-registration", email=form.cleaned_data["email"]):
        return render_rate_limited(request, TEMPLATE, context)
    created, final_state = registration.register(
        event, form.cleaned_data, is_spam=form.is_spam, spam_reason=form.spam_reason
    )
    if created is None:  # the last seat went to someone else meanwhile
        context = _event_context(event, request, final_state)
        context["refused"] = True
        return TemplateResponse(request, TEMPLATE, context, status=409)
    context["registration"] = created
    context["waiting"] = created.status == RegistrationStatus.WAITING
    context["breadcrumb_current"] = gettext("Inscription enregistrée")
    return TemplateResponse(request, "agenda/registration_thanks.html", context)


def cancel(event, request, token):
    found = registration.find(event, token)
    context = _event_context(event, request, None)
    context["form"] = None
    context["breadcrumb_current"] = gettext("Annuler mon inscription")
    context["registration"] = found
    template = "agenda/registration_cancel.html"
    if found is None:
        context["invalid"] = True
        return TemplateResponse(request, template, context, status=404)
    if found.status == RegistrationStatus.CANCELLED:
        context["already"] = True
        return TemplateResponse(request, template, context)
    if event.is_past():
        context["past"] = True
        return TemplateResponse(request, template, context, status=410 if request.method == "POST" else 200)
    if request.method == "POST":
        registration.cancel(event, found)
        context["done"] = True
    return TemplateResponse(request, template, context)


def event_ics(event, request):
    cal = ical.calendar([event], event.title, key=f"evenement-{event.pk}-calendrier", request=request)
    return ical.response(cal, f"{event.slug}.ics")
