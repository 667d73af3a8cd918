"""Demo for the editorial workflow: one user per role, and two pages left in
review, one at each step of the "Relecture croisée" (names and texts in
demo/editorial/workflow.toml).

Demo users exist only on a developer's machine: they are created when
settings.DEBUG is True (portal.settings.dev) or when PORTAL_DEMO_USERS=1 is set
explicitly; never in production. Their password is DEMO_USERS_PASSWORD from
the environment, or "partenariat-demo" by default (docs/guide-editorial.md).
"""

import os

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, WorkflowState

from core.demo.data import DemoDataError, read
from editorial import roles
from editorial.roles import ensure_roles

PILLAR_SLUGS = ["fiches-outils", "projets", "annuaire"]
DEFAULT_PASSWORD = "partenariat-demo"  # noqa: S105 (documented local demo credential, DEBUG only)

WORKFLOW_FILE = "editorial/workflow.toml"


def demo_users():
    """The demo accounts of the data file, each in a group of editorial.roles."""
    users = read(WORKFLOW_FILE)["users"]
    known = {roles.EDITORS, roles.COPILOTS_PATIENTS, roles.COPILOTS_PROFESSIONALS, roles.MODERATORS, roles.ADMINS}
    for user in users:
        if user["group"] not in known:
            raise DemoDataError(f"{WORKFLOW_FILE}: unknown group {user['group']!r} ({', '.join(sorted(known))})")
    return users


# (username, first name, last name, group): kept for tests/editorial/test_demo.py.
DEMO_USERS = [(u["username"], u["first_name"], u["last_name"], u["group"]) for u in read(WORKFLOW_FILE)["users"]]


def demo_users_allowed():
    return settings.DEBUG or os.environ.get("PORTAL_DEMO_USERS") == "1"


def ensure_demo_users(command=None):
    """One user per role; returns {group name: user}. Passwords are only set
    when a user is created, so a second run changes nothing."""
    password = os.environ.get("DEMO_USERS_PASSWORD") or DEFAULT_PASSWORD
    User = get_user_model()
    users = {}
    for data in demo_users():
        username, group_name = data["username"], data["group"]
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=data["first_name"], last_name=data["last_name"])
            user.email = f"{username}@example.org"
            user.set_password(password)
            user.save()
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        users[group_name] = user
        if command is not None:
            command.stdout.write(f"    {username:<18} {group_name}")
    return users


def _candidate_pages():
    """Two live content pages to put in review: tool sheets when the
    resources app provides them, standard pages otherwise."""
    try:
        model = apps.get_model("resources", "ToolSheetPage")
    except LookupError:
        model = apps.get_model("home", "StandardPage")
    pages = list(model.objects.live().order_by("path")[:2])
    if len(pages) < 2:
        # Not the pillars' placeholders: their apps replace them.
        standard = apps.get_model("home", "StandardPage").objects.live().exclude(slug__in=PILLAR_SLUGS)
        pages = list(standard.order_by("path")[:2])
    return pages


def _propose(page, editor, sentence, title_suffix):
    draft = page.get_latest_revision_as_object()
    for field in ("summary", "intro"):  # a tool sheet's summary, a standard page's intro
        if isinstance(getattr(draft, field, None), str):
            setattr(draft, field, f"{getattr(draft, field)} {sentence}".strip())
            break
    else:
        draft.title = f"{draft.title} {title_suffix}"
    draft.save_revision(user=editor)
    return draft.get_workflow().start(draft, editor)


def ensure_pages_in_review(users):
    editor = users.get(roles.EDITORS)
    patient = users.get(roles.COPILOTS_PATIENTS)
    if editor is None or patient is None:
        return []
    if WorkflowState.objects.filter(requested_by=editor).exists():
        return []  # already done by an earlier run (or by the demo editor)
    pages = _candidate_pages()
    if len(pages) < 2 or pages[0].get_workflow() is None:
        return []
    review = read(WORKFLOW_FILE)["review"]
    suffix = review["title_suffix"]
    waiting_patient = _propose(pages[0], editor, review["proposal_for_patient_step"], suffix)
    waiting_professional = _propose(pages[1], editor, review["proposal_for_professional_step"], suffix)
    task_state = waiting_professional.current_task_state
    task_state.task.specific.on_action(task_state, patient, "approve", comment=review["patient_copilot_comment"])
    return [waiting_patient, waiting_professional]


def load(command):
    ensure_roles()
    if not demo_users_allowed():
        command.stdout.write(
            "    Utilisateurs de démonstration non créés (DEBUG désactivé ; PORTAL_DEMO_USERS=1 pour forcer)."
        )
        return
    command.stdout.write("    Comptes de démonstration (mot de passe : DEMO_USERS_PASSWORD ou « partenariat-demo ») :")
    users = ensure_demo_users(command)
    for state in ensure_pages_in_review(users):
        page = Page.objects.get(pk=state.object_id)
        command.stdout.write(f"    En relecture : {page.title} → {state.current_task_state.task.name}")
