"""Demo content for the projects showcase: the index page and its projects.

The texts are in demo/projects/ (docs/demo-content.md). Each project says where
it comes from (`provenance`): either a summary of a source document (structure
and subject only, the document named) or a fictional structure, "(fictif)" in
its name, whose figures, steps and testimonies are invented. No person is named.
"""

from core import geo
from core.demo import ensure_domains, upsert_page
from core.demo.data import model_fields, read, read_folder
from core.demo.markup import to_html
from core.demo_utils import upsert_child
from core.models import Domain
from home.demo import ensure_pillars, get_home
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartnerRole, ProjectRelatedSheet
from resources.models import ToolSheetPage


def ensure_domain_intros(intros):
    """Each domain's introduction, written once: an editor's intro is kept."""
    for domain in Domain.objects.filter(slug__in=intros, intro=""):
        domain.intro = to_html(intros[domain.slug])
        domain.save(update_fields=["intro"])


def ensure_project(index, slug, data, sheets):
    where = f"projects/pages/{slug}.toml"
    themes, roles = data.pop("themes"), data.pop("partner_roles")
    # The source's own line, for tests/projects/test_demo_provenance.py only.
    data.pop("seed_excerpt", None), data.pop("seed_structure", None)
    # Sheets of the resources demo, when it has run.
    wanted_sheets = [sheets[s] for s in data.pop("related_sheets") if s in sheets]
    fields = {"end_year": None, **model_fields(ProjectPage, data, where)}
    fields.setdefault("region_code", geo.region_of(fields["department_code"]))
    page, _created = upsert_child(index, ProjectPage, slug, **fields)
    changed = False
    if [link.sheet_id for link in page.related_sheets.all()] != [sheet.pk for sheet in wanted_sheets]:
        page.related_sheets = [ProjectRelatedSheet(sheet=sheet) for sheet in wanted_sheets]
        changed = True
    if sorted(t.name for t in page.tags.all()) != sorted(themes):
        page.tags.set(themes)
        changed = True
    if [r.role for r in page.partner_roles.all()] != roles:
        page.partner_roles = [ProjectPartnerRole(role=role) for role in roles]
        changed = True
    if changed:
        page.save_revision().publish()
    return page


def load(command):
    ensure_domains()
    data = read("projects/index.toml")
    order, intros = data.pop("projects"), data.pop("domain_intros")
    ensure_domain_intros(intros)
    home = get_home()
    index, _ = upsert_page(home, ProjectIndexPage, data, "projects/index.toml")
    # The home page's pillar pointed at the placeholder this index replaced.
    ensure_pillars(home)
    sheets = {sheet.slug: sheet for sheet in ToolSheetPage.objects.live()}
    for slug, project in read_folder("projects/pages", order):
        ensure_project(index, slug, project, sheets)
