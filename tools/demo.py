"""Demo content for the interactive tools: the barometer's four dimensions
and their criteria, the two tool pages, a team session answered at T0 and T1,
and the twelve cells of the engagement matrix.

The texts are in demo/tools/ (docs/demo-content.md). The criteria rephrase,
in our own words, those of the working group's self-assessment brochure.
People are fictional: answers carry only a role.
"""

from wagtail.models import Page

from core.demo import upsert_page
from core.demo.data import DemoDataError, read
from core.links import page_path, subpage_path

from .models import (
    BarometerAnswer,
    BarometerCriterion,
    BarometerDimension,
    BarometerSession,
    EngagementMatrixPage,
    Role,
    SelfAssessmentPage,
)
from .models.barometer import new_token

BAROMETER = "tools/barometer.toml"
MATRIX_FILE = "tools/matrix.toml"

# The demo session's code is public (it is an example; real sessions get
# random ones). Kept as a name for tests and benches.
DEMO_SESSION_TOKEN = read(BAROMETER)["session"]["token"]
# The matrix's twelve cells {field name: text}; kept as a name for tests.
MATRIX = {name: text for name, text in read(MATRIX_FILE).items() if name.startswith(("micro_", "meso_", "macro_"))}


def ensure_dimensions(dimensions_data):
    """The dimensions and their criteria, in order. A dimension or criterion
    whose text changed in the data file is updated in place (same row, so
    the answers' scores stay attached to it)."""
    dimensions = []
    for position, data in enumerate(dimensions_data):
        dimension = (
            BarometerDimension.objects.filter(name=data["name"]).first()
            or BarometerDimension.objects.filter(sort_order=position).first()
            or BarometerDimension()
        )
        if (dimension.name, dimension.description, dimension.sort_order) != (
            data["name"],
            data["description"],
            position,
        ) or dimension.pk is None:
            dimension.name, dimension.description, dimension.sort_order = data["name"], data["description"], position
            dimension.save()
        for index, criterion_data in enumerate(data["criteria"]):
            ensure_criterion(dimension, index, criterion_data["text"], criterion_data.get("help_text", ""))
        ensure_help_sheets(dimension, data.get("help_sheets", []))
        dimensions.append(dimension)
    return dimensions


def ensure_help_sheets(dimension, slugs):
    """Link the tool sheets (by slug) offered when the dimension scores low."""
    from resources.models import ToolSheetPage

    wanted = set(ToolSheetPage.objects.filter(slug__in=slugs).values_list("pk", flat=True))
    if set(dimension.help_sheets.values_list("pk", flat=True)) != wanted:
        dimension.help_sheets.set(wanted)
        dimension.save()


def ensure_criterion(dimension, index, text, help_text):
    criterion = (
        BarometerCriterion.objects.filter(dimension=dimension, text=text).first()
        or BarometerCriterion.objects.filter(dimension=dimension, sort_order=index).first()
    )
    if criterion is None:
        BarometerCriterion.objects.create(dimension=dimension, text=text, help_text=help_text, sort_order=index)
    elif (criterion.text, criterion.help_text, criterion.sort_order) != (text, help_text, index):
        criterion.text, criterion.help_text, criterion.sort_order = text, help_text, index
        criterion.save()


def ensure_session(dimensions, session_data):
    """The example session and its answers, created once (with the session).

    The session's code is public, so its answers get random codes (an answer's
    code lets its holder change or delete it); answers of an older demo, whose
    code was the session's code plus a suffix, get a random one on reload."""
    session = BarometerSession.objects.filter(token=session_data["token"]).first()
    if session is not None:
        for answer in session.answers.filter(token__startswith=f"{session.token}-"):
            answer.token = new_token()
            answer.save(update_fields=["token"])
        return session
    rounds = [answer["round"] for answer in session_data["answers"]]
    session = BarometerSession.objects.create(
        token=session_data["token"], label=session_data["label"], current_round=max(rounds, default=0)
    )
    by_name = {dimension.name: dimension for dimension in dimensions}
    for answer in session_data["answers"]:
        if answer["role"] not in Role.values:
            raise DemoDataError(f"{BAROMETER}: unknown role {answer['role']!r} ({', '.join(Role.values)})")
        scores = {}
        for name, values in answer["scores"].items():
            criteria = by_name[name].criteria.order_by("sort_order")
            for criterion, value in zip(criteria, values, strict=False):
                scores[str(criterion.pk)] = value
        comments = {str(by_name[name].pk): text for name, text in answer.get("comments", {}).items()}
        BarometerAnswer.objects.create(
            token=new_token(),
            session=session,
            round=answer["round"],
            role=answer["role"],
            scores=scores,
            comments=comments,
            completed=True,
        )
    return session


def find_tools_index():
    return Page.objects.filter(depth=3, url_path__endswith="/fiches-outils/").first()


def load(command):
    data = read(BAROMETER)
    dimensions = ensure_dimensions(data.pop("dimensions"))
    session = ensure_session(dimensions, data.pop("session"))
    parent = find_tools_index()
    if parent is None:
        command.stdout.write("  (tools.demo : pas de page /fiches-outils/, pages des outils non créées)")
        return
    barometer, _ = upsert_page(parent, SelfAssessmentPage, data, BAROMETER)
    upsert_page(parent, EngagementMatrixPage, read(MATRIX_FILE), MATRIX_FILE)
    example = subpage_path(barometer, "session_detail", session.token)
    command.stdout.write(f"    baromètre : {page_path(barometer)}, session d'exemple : {example}")
