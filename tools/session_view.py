"""Context builders for the result pages (an answer, a session). Constant
number of queries: dimensions, criteria, the session's answers."""

from django.utils.translation import gettext

from core.links import subpage_url

from .models import BarometerAnswer, Role
from .radar import radar
from .scoring import band_for, lowest_criteria, score_answer, score_bands, summarise_round

ROLE_LABELS = list(Role.choices)


def share_url(page, request, session):
    """The session's link as the team receives it: absolute, from BASE_URL."""
    return subpage_url(page, "session_detail", session.token, request=request)


def _axes(dimensions):
    return [d.axis_label for d in dimensions]


def answer_context(page, answer):
    dimensions = page.dimensions()
    result = score_answer(dimensions, answer.scores)
    series = [(gettext("Vos réponses"), result.values)]
    round_summary = None
    if answer.session_id:
        completed = list(
            BarometerAnswer.objects.filter(session_id=answer.session_id, round=answer.round, completed=True)
        )
        if completed:
            round_summary = summarise_round(answer.round, dimensions, completed, ROLE_LABELS)
            series.append(
                (
                    gettext("Moyenne de la session (%(round)s)") % {"round": answer.round_label},
                    round_summary.overall.dimensions,
                )
            )
    chart = radar(_axes(dimensions), series, title=gettext("Vos scores par dimension, de 0 à 4"))
    comments = [(d, answer.comments.get(str(d.pk))) for d in dimensions if answer.comments.get(str(d.pk))]
    discussion = lowest_criteria(dimensions, answer.scores)
    return {
        "answer": answer,
        "session": answer.session,
        "dimensions": dimensions,
        "result": result,
        "chart": chart,
        "round_summary": round_summary,
        "discussion": discussion,
        "comments": comments,
        "breadcrumb_current": gettext("Votre résultat"),
        "bands": score_bands(),
        "overall_band": band_for(result.overall),
        "dimension_bands": [(d, band_for(d.score)) for d in result.dimensions],
        "help_by_dimension": _help_sheets(discussion),
        "sheet_index": page.get_parent(),
    }


def _help_sheets(discussion):
    """[(dimension, [live tool sheets])] for the dimensions of the lowest
    criteria, in that order, each once."""
    seen, helps = set(), []
    for dimension, _criterion, _value in discussion:
        if dimension.pk in seen:
            continue
        seen.add(dimension.pk)
        helps.append((dimension, list(dimension.help_sheets.live().order_by("title")[:3])))
    return helps


def session_context(page, request, session):
    dimensions = page.dimensions()
    answers = list(session.answers.all())
    rounds = sorted({a.round for a in answers} | {session.current_round})
    try:
        selected = int(request.GET.get("temps", session.current_round))
    except ValueError:
        selected = session.current_round
    if selected not in rounds:
        selected = session.current_round
    completed = [a for a in answers if a.completed]
    in_round = [a for a in completed if a.round == selected]
    drafts = sum(1 for a in answers if not a.completed and a.round == selected)
    summary = summarise_round(selected, dimensions, in_round, ROLE_LABELS) if in_round else None
    chart = None
    if summary:
        series = [(role.label, role.dimensions) for role in summary.roles]
        if len(summary.roles) > 1:
            series.append((gettext("Ensemble"), summary.overall.dimensions))
        chart = radar(
            _axes(dimensions),
            series,
            title=gettext("Scores par dimension et par rôle, temps T%(round)s") % {"round": selected},
        )
    progress = []
    for number in rounds:
        members = [a for a in completed if a.round == number]
        if members:
            progress.append(summarise_round(number, dimensions, members, ROLE_LABELS))
    progress_chart = None
    if len(progress) > 1:
        progress_chart = radar(
            _axes(dimensions),
            [(f"T{s.round}", s.overall.dimensions) for s in progress],
            title=gettext("Évolution des scores moyens d'un temps à l'autre"),
        )
    comments = []
    if in_round:
        for dimension in dimensions:
            texts = [
                (a.get_role_display(), a.comments[str(dimension.pk)])
                for a in in_round
                if a.comments.get(str(dimension.pk))
            ]
            if texts:
                comments.append((dimension, texts))
    return {
        "session": session,
        "dimensions": dimensions,
        "rounds": rounds,
        "selected_round": selected,
        "summary": summary,
        "chart": chart,
        "progress": progress,
        "progress_chart": progress_chart,
        "drafts": drafts,
        "comments": comments,
        "role_labels": dict(ROLE_LABELS),
        "share_url": share_url(page, request, session),
        "breadcrumb_current": f"Session « {session} »",
    }
