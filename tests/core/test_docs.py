"""The documentation names things that exist: every file path, template name,
Python name and model label written between backticks in README.md and
docs/ (and every relative Markdown link) points at something in the code.

What counts as a path: a token without spaces or placeholders (`<app>`,
`…`, `*`, `|`) whose first segment is a top-level folder of the repository
(`core/listing.py`, `templates/includes/`), or that ends with a file
extension (`includes/form_fields.html`). Template names may also be found in
any app's `templates/` folder. Route patterns (`carte/`, `gerer/profil/`) and
URLs (`/projets/`) are not paths. Dotted names whose first part is one of our
apps (`core.links.subpage_path`, `directory.DirectoryPage`) must import, or be
a model label.
"""

import importlib
import importlib.util
import re
from pathlib import Path

import pytest
from django.apps import apps
from wagtail.log_actions import registry as log_actions

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
OUR_APPS = (
    "core",
    "home",
    "resources",
    "tools",
    "projects",
    "accompaniment",
    "directory",
    "search",
    "editorial",
    "portal",
)
TOP_LEVEL = {p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")} - {"node_modules", "var"}
EXTENSIONS = (".py", ".html", ".md", ".toml", ".txt", ".css", ".js", ".json", ".yaml", ".yml", ".mjs", ".cfg")
ROOT_FILE_EXTENSIONS = (".txt", ".toml", ".yaml", ".yml", ".mjs", ".cfg")
# Written by the running portal or by `make`, never committed.
GENERATED = ("var/", ".venv/", "node_modules/", "db.sqlite3")
TEMPLATE_DIRS = [ROOT / "templates", *sorted(ROOT.glob("*/templates"))]

CODE_SPAN = re.compile(r"`([^`\n]+)`")
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
DOTTED = re.compile(rf"^(?:{'|'.join(OUR_APPS)})(?:\.\w+)+$")


def code_spans(text):
    # Fenced blocks hold commands and cron lines, not references.
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return CODE_SPAN.findall(text)


def looks_like_path(token):
    if any(c in token for c in " <>…*|{}?=:,()'\"$") or token.startswith(("/", "@", "-", *GENERATED)):
        return False
    if "/" not in token:  # a bare name: only the repository's own root files (`requirements-opensearch.txt`)
        return token.endswith(ROOT_FILE_EXTENSIONS)
    return token.split("/", 1)[0] in TOP_LEVEL or token.endswith(EXTENSIONS)


def path_exists(token):
    token = token.rstrip("/")
    if (ROOT / token).exists():
        return True
    return any((folder / token).exists() for folder in TEMPLATE_DIRS)  # a template name


def name_exists(dotted):
    parts = dotted.split(".")
    if len(parts) == 2:
        if parts[1][:1].isupper():  # a model label: `directory.PartnerProfile`
            try:
                apps.get_model(*parts)
                return True
            except LookupError:
                pass
        if log_actions.action_exists(dotted) or parts[1] in permission_codenames(parts[0]):
            return True
    try:  # a module, found without running it (`portal.settings.production` needs SECRET_KEY)
        if importlib.util.find_spec(dotted):
            return True
    except ImportError:
        pass
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return False
        return True
    return False


def permission_codenames(app_label):
    """Custom permissions declared in an app's models (`directory.view_private_data`)."""
    try:
        models = apps.get_app_config(app_label).get_models()
    except LookupError:
        return set()
    return {codename for model in models for codename, _label in model._meta.permissions}


def references():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        name = doc.relative_to(ROOT)
        spans = code_spans(text)
        for span in spans:
            token = span.strip()
            bare = re.sub(r"\(.*\)$", "", token)  # `queue_email(...)` names `queue_email`
            if looks_like_path(token):
                yield name, "path", token
            elif DOTTED.match(bare):
                yield name, "name", bare
        for target in MD_LINK.findall(CODE_SPAN.sub("", text)):
            if not target.startswith(("http://", "https://", "mailto:", "#")):
                yield name, "link", (doc.parent / target.split("#")[0]).resolve()


def test_docs_exist():
    assert (ROOT / "docs" / "README.md").exists()
    assert len(DOCS) > 5


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_reference_exists(doc):
    missing = []
    for name, kind, ref in references():
        if name != doc.relative_to(ROOT):
            continue
        if kind == "path" and not path_exists(ref):
            missing.append(f"file {ref}")
        elif kind == "name" and not name_exists(ref):
            missing.append(f"Python name {ref}")
        elif kind == "link" and not ref.exists():
            missing.append(f"link {ref.relative_to(ROOT) if ref.is_relative_to(ROOT) else ref}")
    assert not missing, f"{doc.relative_to(ROOT)} names what does not exist: " + ", ".join(missing)


def test_the_check_catches_a_stale_reference():
    assert looks_like_path("resources/tools/models/") and not path_exists("resources/tools/models/")
    assert path_exists("templates/includes/") and path_exists("includes/form_fields.html")
    assert not looks_like_path("gerer/profil/") and not looks_like_path("/projets/")
    assert name_exists("core.links.subpage_path") and name_exists("directory.DirectoryPage")
    assert name_exists("portal.settings.production") and name_exists("directory.view_private_data")
    assert not name_exists("home.Domain") and not name_exists("core.links.no_such_function")
