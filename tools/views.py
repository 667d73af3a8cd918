"""Views behind the routes of SelfAssessmentPage (the partnership
barometer): answers, team sessions and their management links. Every page
reached by a secret link goes through `private()`."""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.links import page_path, subpage_path

from .export import answer_csv as answer_csv_response
from .export import session_csv as session_csv_response
from .forms import AnswerForm, JoinForm, ManageForm, SessionForm
from .models import MAX_ANSWERS_PER_SESSION, BarometerAnswer, BarometerSession, Scale
from .session_view import answer_context, session_context, share_url


def private(response):
    """Headers for pages reached by a secret link: never indexed, never
    cached by a shared cache, and the secret never leaks as a Referer to
    another site (same-origin: the CSRF check still sees our own Origin)."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def answer_rate_limit():
    return getattr(settings, "PORTAL_BAROMETER_ANSWERS_PER_HOUR", 60)


def _render_private(page, request, template, context, status=200):
    context = {**page.get_context(request), **context}
    return private(TemplateResponse(request, f"tools/{template}", context, status=status))


def _redirect(page, request, route_name, *args, query=""):
    return HttpResponseRedirect(subpage_path(page, route_name, *args, request=request) + query)


# --- The barometer's home page -------------------------------------------------------
def barometer_home(page, request):
    context = page.get_context(request)
    context["session_form"] = SessionForm()
    context["join_form"] = JoinForm()
    context["dimensions"] = page.dimensions()
    return TemplateResponse(request, page.get_template(request), context)


# --- Sessions ------------------------------------------------------------------------
def session_new(page, request):
    form = SessionForm(request.POST or None)
    if request.method != "POST":
        return _render_private(page, request, "session_new.html", {"session_form": form})
    if not form.is_valid():
        return _render_private(page, request, "session_new.html", {"session_form": form}, status=400)
    if rate_limit_exceeded(request, "barometre-session"):
        context = {**page.get_context(request), "session_form": form}
        return private(render_rate_limited(request, "tools/session_new.html", context))
    if form.is_spam:
        return HttpResponseRedirect(page_path(page, request))
    session = form.save()
    return _redirect(page, request, "session_manage", session.admin_token)


def session_join(page, request):
    form = JoinForm(request.GET or None)
    if form.is_bound and form.is_valid():
        session = BarometerSession.objects.filter(token=form.code_value()).first()
        if session is not None:
            return _redirect(page, request, "session_detail", session.token)
        # Wrong codes are counted: guessing is hopeless (192 bits), and now slow too.
        if rate_limit_exceeded(request, "barometre-code", limit=answer_rate_limit()):
            context = {**page.get_context(request), "join_form": form}
            return private(render_rate_limited(request, "tools/session_join.html", context))
        raise Http404("Session inconnue")
    status = 400 if form.is_bound else 200
    return _render_private(page, request, "session_join.html", {"join_form": form}, status=status)


def session_detail(page, request, code):
    session = get_object_or_404(BarometerSession, token=code)
    return _render_private(page, request, "session_detail.html", session_context(page, request, session))


def session_answer(page, request, code):
    session = get_object_or_404(BarometerSession, token=code)
    return answer_form(page, request, session=session)


def session_csv(page, request, code):
    session = get_object_or_404(BarometerSession, token=code)
    return private(session_csv_response(session, page.dimensions()))


def session_manage(page, request, admin_token):
    session = get_object_or_404(BarometerSession, admin_token=admin_token)
    form = ManageForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            context = {"session": session, "manage_form": form}
            return _render_private(page, request, "session_manage.html", context, status=400)
        if form.cleaned_data["action"] == "supprimer":
            session.delete()
            return _render_private(page, request, "session_deleted.html", {})
        session.current_round += 1
        session.save(update_fields=["current_round"])
        session.touch()
        return _redirect(page, request, "session_manage", session.admin_token, query="?nouveau-temps=1")
    context = {
        "session": session,
        "manage_form": form,
        "new_round": "nouveau-temps" in request.GET,
        "answer_count": session.answers.count(),
        "share_url": share_url(page, request, session),
    }
    return _render_private(page, request, "session_manage.html", context)


# --- Answers -------------------------------------------------------------------------
def answer_new(page, request):
    return answer_form(page, request, session=None)


def answer_edit(page, request, token):
    answer = get_object_or_404(BarometerAnswer.objects.select_related("session"), token=token)
    return answer_form(page, request, session=answer.session, answer=answer)


def answer_result(page, request, token):
    answer = get_object_or_404(BarometerAnswer.objects.select_related("session"), token=token)
    return _render_private(page, request, "answer_result.html", answer_context(page, answer))


def answer_pdf(page, request, token):
    """A barometer result as a PDF, rendered on demand and never stored: it
    belongs to whoever holds the private link (resources/pdf.py)."""
    from django.http import HttpResponse

    from resources import pdf

    answer = get_object_or_404(BarometerAnswer.objects.select_related("session"), token=token)
    html = pdf.render_html(page, "tools/pdf/answer_result.html", answer_context(page, answer))
    response = HttpResponse(pdf.html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="resultat-barometre.pdf"'
    return private(response)


def answer_csv(page, request, token):
    answer = get_object_or_404(BarometerAnswer, token=token)
    return private(answer_csv_response(answer, page.dimensions()))


def answer_delete(page, request, token):
    answer = get_object_or_404(BarometerAnswer, token=token)
    if request.method == "POST":
        answer.delete()
        return _render_private(page, request, "answer_deleted.html", {})
    return _render_private(page, request, "answer_delete.html", {"answer": answer})


def _session_is_full(session, answer):
    return answer is None and session is not None and session.answers.count() >= MAX_ANSWERS_PER_SESSION


def answer_form(page, request, session=None, answer=None):
    """The answer form, alone or in a session: a draft is saved and can be
    finished later through its private link; a finished answer counts."""
    dimensions = page.dimensions()
    context = {
        "session": session,
        "answer": answer,
        "dimensions": dimensions,
        "scale_choices": Scale.choices,
        "breadcrumb_current": gettext("Remplir le baromètre"),
    }
    if _session_is_full(session, answer):
        context["max_answers"] = MAX_ANSWERS_PER_SESSION
        return _render_private(page, request, "session_full.html", context, status=409)
    if request.method != "POST":
        initial = AnswerForm.initial_from(answer, dimensions) if answer else None
        context["form"] = AnswerForm(initial=initial, dimensions=dimensions)
        context["saved"] = "enregistre" in request.GET
        return _render_private(page, request, "answer_form.html", context)

    finish = "valider" in request.POST
    form = AnswerForm(request.POST, dimensions=dimensions, finish=finish)
    context["form"] = form
    if not form.is_valid():
        return _render_private(page, request, "answer_form.html", context, status=400)
    if answer is None:
        if rate_limit_exceeded(request, "barometre-reponse", limit=answer_rate_limit()):
            return private(
                render_rate_limited(request, "tools/answer_form.html", {**page.get_context(request), **context})
            )
        if form.is_spam:
            return HttpResponseRedirect(page_path(page, request))
        answer = BarometerAnswer(session=session, round=session.current_round if session else 0)
    form.apply_to(answer)
    with transaction.atomic():
        if session is not None:
            locked = BarometerSession.objects.select_for_update().get(pk=session.pk)
            if answer.pk is None and locked.answers.count() >= MAX_ANSWERS_PER_SESSION:
                context["max_answers"] = MAX_ANSWERS_PER_SESSION
                return _render_private(page, request, "session_full.html", context, status=409)
            locked.touch()
        answer.save()
    if finish:
        return _redirect(page, request, "answer_result", answer.token)
    return _redirect(page, request, "answer_edit", answer.token, query="?enregistre=1")
