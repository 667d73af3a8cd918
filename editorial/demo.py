"""Demo for the editorial workflow: one user per role, and two pages left in
review, one at each step of the "Relecture croisée".

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

from editorial import roles
from editorial.roles import ensure_roles

PILLAR_SLUGS = ["fiches-outils", "projets", "annuaire"]
DEFAULT_PASSWORD = "partenariat-demo"  # noqa: S105 (documented local demo credential, DEBUG only)

# username, first name, last name, group
DEMO_USERS = [
    ("demo.redaction", "Alix", "Rédac (démo)", roles.EDITORS),
    ("demo.usager", "Lou", "Usager (démo)", roles.COPILOTS_PATIENTS),
    ("demo.pro", "Sam", "Soignant (démo)", roles.COPILOTS_PROFESSIONALS),
    ("demo.moderation", "Noa", "Modé (démo)", roles.MODERATORS),
    ("demo.admin", "Dominique", "Admin (démo)", roles.ADMINS),
]

PROPOSALS = [
    "Proposition du groupe de travail : préciser à qui s'adresse cette page et ajouter un exemple concret.",
    "Proposition du groupe de travail : reformuler le premier paragraphe avec les mots des patients partenaires.",
]


def demo_users_allowed():
    return settings.DEBUG or os.environ.get("PORTAL_DEMO_USERS") == "1"


def ensure_demo_users(command=None):
    """One user per role; returns {group name: user}. Passwords are only set
    when a user is created, so a second run changes nothing."""
    password = os.environ.get("DEMO_USERS_PASSWORD") or DEFAULT_PASSWORD
    User = get_user_model()
    users = {}
    for username, first_name, last_name, group_name in DEMO_USERS:
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, first_name=first_name, last_name=last_name)
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


def _propose(page, editor, sentence):
    draft = page.get_latest_revision_as_object()
    for field in ("summary", "intro"):  # a tool sheet's summary, a standard page's intro
        if isinstance(getattr(draft, field, None), str):
            setattr(draft, field, f"{getattr(draft, field)} {sentence}".strip())
            break
    else:
        draft.title = f"{draft.title} (mise à jour proposée)"
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
    waiting_patient = _propose(pages[0], editor, PROPOSALS[0])
    waiting_professional = _propose(pages[1], editor, PROPOSALS[1])
    task_state = waiting_professional.current_task_state
    task_state.task.specific.on_action(
        task_state, patient, "approve", comment="Relu côté usagers : clair et utile, je valide."
    )
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
