"""Groups, permissions, the private document collection and the
"Relecture croisée" workflow, created idempotently.

`ensure_roles()` runs after every `migrate` (post_migrate, so also in tests
and after a test flush) and at the end of the demo. It only creates what is
missing: a group that already exists keeps the permissions an administrator
gave it, an existing workflow keeps its steps. Two things are completed on
every run, because new models appear as the portal grows: the Administrateurs
group receives every permission, and a snippet type that gains WorkflowMixin is
enrolled in the workflow (and its add/change permissions granted) the first
time it is seen.
"""

import logging

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from core.permissions import ADMINISTRATORS_GROUP, CONTACT_GROUP
from directory.roles import ensure_moderation_group
from editorial.models import CrossReviewTask

logger = logging.getLogger(__name__)

EDITORS = "Groupe de travail"
COPILOTS_PATIENTS = "Co-pilotes usagers"
COPILOTS_PROFESSIONALS = "Co-pilotes professionnels"
MODERATORS = "Modération de l'annuaire"
ADMINS = ADMINISTRATORS_GROUP  # "Administrateurs"
# Reads and exports the contact form's submissions (with the administrators).
CONTACT = CONTACT_GROUP  # "Contact"
COPILOT_GROUPS = (COPILOTS_PATIENTS, COPILOTS_PROFESSIONALS)

WORKFLOW_NAME = "Relecture croisée"
PATIENT_STEP = "Relecture par les co-pilotes usagers"
PROFESSIONAL_STEP = "Validation par les co-pilotes professionnels"
PRIVATE_COLLECTION = "Documents internes (connexion requise)"
# The workflow Wagtail creates in its own migration; ours replaces it on the root.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    COPILOTS_PATIENTS: ["add_page", "change_page"],
    COPILOTS_PROFESSIONALS: ["add_page", "change_page"],
    ADMINS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
}
# (codename, on the private collection only?) per group; other collection
# permissions are granted on the root collection, so they cover every child.
DOCUMENT_PERMISSIONS = {
    # Editors upload only into the private collection, so their documents are
    # never public before a co-pilot or an administrator releases them.
    EDITORS: [("add_document", True), ("change_document", False), ("choose_document", False)],
    COPILOTS_PATIENTS: [("add_document", False), ("change_document", False), ("choose_document", False)],
    COPILOTS_PROFESSIONALS: [("add_document", False), ("change_document", False), ("choose_document", False)],
    ADMINS: [
        ("add_document", False),
        ("change_document", False),
        ("choose_document", False),
        ("delete_document", False),
    ],
}
IMAGE_PERMISSIONS = {
    EDITORS: ["add_image", "change_image", "choose_image"],
    COPILOTS_PATIENTS: ["add_image", "change_image", "choose_image"],
    COPILOTS_PROFESSIONALS: ["add_image", "change_image", "choose_image"],
    ADMINS: ["add_image", "change_image", "choose_image", "delete_image"],
}
# Taxonomies whose text is public (no draft state: changes are live at once,
# outside the cross review): everyone reads them, only administrators edit
# them (core.permissions.AdministratorsEditPolicy enforces it whatever a
# group holds); and project proposals, which editors turn into draft pages.
TAXONOMY_MODELS = [
    ("core", "domain"),
    ("resources", "toolsheetcategory"),
    ("resources", "competency"),
    ("tools", "barometerdimension"),
]
# Applications to calls for projects: the working group checks eligibility,
# the co-pilots give their opinions (accompaniment.review holds the rule).
APPLICATIONS = [("accompaniment", "view_application"), ("accompaniment", "change_application")]
REVIEWS = [("accompaniment", f"{action}_applicationreview") for action in ("add", "change", "view")]
# Bibliographic references and the replaceable document templates: the
# working group and the co-pilots maintain them (resources/models/mixins.py, documents.py).
SOURCES_PERMISSIONS = [
    ("resources", f"{action}_{model}")
    for model in ("reference", "documenttemplate")
    for action in ("add", "change", "view")
]
MODEL_PERMISSIONS = {
    EDITORS: [("projects", "view_projectproposal")]
    + [(app, f"view_{model}") for app, model in TAXONOMY_MODELS]
    + APPLICATIONS
    + [("accompaniment", "view_applicationreview")]
    + SOURCES_PERMISSIONS,
    COPILOTS_PATIENTS: [("projects", "view_projectproposal")]
    + [(app, f"view_{model}") for app, model in TAXONOMY_MODELS]
    + APPLICATIONS
    + REVIEWS
    + SOURCES_PERMISSIONS,
    COPILOTS_PROFESSIONALS: [("projects", "view_projectproposal")]
    + [(app, f"view_{model}") for app, model in TAXONOMY_MODELS]
    + APPLICATIONS
    + REVIEWS
    + SOURCES_PERMISSIONS,
}
# Registrations to events hold personal data: the people who run the portal
# read them and may change their state (agenda/wagtail_hooks.py).
for _group in (EDITORS, COPILOTS_PATIENTS, COPILOTS_PROFESSIONALS):
    MODEL_PERMISSIONS[_group] = MODEL_PERMISSIONS[_group] + [
        ("agenda", "view_registration"),
        ("agenda", "change_registration"),
    ]
SNIPPET_ACTIONS = {
    EDITORS: ["add", "change", "view"],
    COPILOTS_PATIENTS: ["add", "change", "view"],
    COPILOTS_PROFESSIONALS: ["add", "change", "view"],
}


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _create_permissions():
    """Content types and permissions of every app: on a fresh database the
    post_migrate handlers of later apps have not run yet."""
    for app_config in global_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)


def workflow_snippet_models():
    """Snippet models (not pages) that carry content through workflows."""
    return [
        model
        for model in global_apps.get_models()
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page) and not model._meta.abstract
    ]


def ensure_private_collection():
    root = Collection.get_first_root_node()
    if root is None:
        root = Collection.add_root(name="Root")
    collection = Collection.objects.filter(name=PRIVATE_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return root, collection


def _grant_new_group(group, root_page, root_collection, private_collection):
    name = group.name
    group.permissions.add(_perm("wagtailadmin", "access_admin"))
    if root_page is not None:
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_perm("wagtailcore", codename)
            )
    for codename, private in DOCUMENT_PERMISSIONS.get(name, []):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=private_collection if private else root_collection,
            permission=_perm("wagtaildocs", codename),
        )
    for codename in IMAGE_PERMISSIONS.get(name, []):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_perm("wagtailimages", codename)
        )
    for app_label, codename in MODEL_PERMISSIONS.get(name, []):
        group.permissions.add(_perm(app_label, codename))


def _grant_snippet_permissions(model):
    ct = ContentType.objects.get_for_model(model)
    for name, actions in SNIPPET_ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type=ct, codename__in=codenames))


def retire_wagtail_defaults():
    """Once, when the portal's workflow is first created: Wagtail's own
    "Editors" and "Moderators" groups (the latter may publish everywhere) are
    removed if nobody is in them, and its default workflow is deactivated, so
    the admin shows the portal's roles only."""
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    for default in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        if not default.workflow_states.filter(status="in_progress").exists():
            default.deactivate()


def ensure_contact_group():
    """The people who handle contact: admin access, and change rights on the
    contact page(s) only, because Wagtail shows a form's submissions only to
    people who may change it (home.wagtail_hooks narrows that to this group
    and the administrators). The page permission is granted once a contact
    page exists, if the group has none yet."""
    from home.models import ContactPage

    group, created = Group.objects.get_or_create(name=CONTACT)
    if created:
        group.permissions.add(_perm("wagtailadmin", "access_admin"))
    if not GroupPagePermission.objects.filter(group=group).exists():
        for page in ContactPage.objects.all():
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_perm("wagtailcore", "change_page")
            )
    return group


def ensure_workflow():
    """The two-step workflow; returns it. Steps are only created with it."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        retire_wagtail_defaults()
        for order, (step, group_name) in enumerate(
            [(PATIENT_STEP, COPILOTS_PATIENTS), (PROFESSIONAL_STEP, COPILOTS_PROFESSIONALS)]
        ):
            task = CrossReviewTask.objects.filter(name=step).first() or CrossReviewTask.objects.create(name=step)
            task.groups.set([Group.objects.get(name=group_name)])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def _assign_workflow(workflow, root_page):
    if root_page is not None:
        current = WorkflowPage.objects.filter(page=root_page).select_related("workflow").first()
        if current is None:
            WorkflowPage.objects.create(page=root_page, workflow=workflow)
        elif current.workflow.name == WAGTAIL_DEFAULT_WORKFLOW:
            current.workflow = workflow
            current.save()
    for model in workflow_snippet_models():
        ct = ContentType.objects.get_for_model(model)
        _, created = WorkflowContentType.objects.get_or_create(content_type=ct, defaults={"workflow": workflow})
        if created:
            _grant_snippet_permissions(model)


@transaction.atomic
def ensure_roles_after_migrate(sender, **kwargs):
    """post_migrate receiver (also runs after a test flush)."""
    ensure_roles()


def ensure_roles():
    """Create the groups, permissions, private collection and workflow that
    are missing. Safe to run any number of times."""
    _create_permissions()
    root_page = Page.get_first_root_node()
    root_collection, private_collection = ensure_private_collection()
    for name in (EDITORS, COPILOTS_PATIENTS, COPILOTS_PROFESSIONALS, ADMINS):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            _grant_new_group(group, root_page, root_collection, private_collection)
        elif root_page is not None and not GroupPagePermission.objects.filter(group=group).exists():
            # Created before the page tree existed (a flushed test database).
            _grant_new_group(group, root_page, root_collection, private_collection)
    ensure_contact_group()
    admins = Group.objects.get(name=ADMINS)
    admins.permissions.add(*Permission.objects.exclude(pk__in=admins.permissions.values("pk")))
    ensure_moderation_group()
    workflow = ensure_workflow()
    _assign_workflow(workflow, root_page)
    return workflow
