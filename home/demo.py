"""Demo content for the site skeleton: home, about, legal pages, contact.

The texts are in demo/home/ (docs/demo-content.md).
"""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from core.demo import ensure_settings, upsert_page
from core.demo.data import model_fields, read, read_folder, stream
from core.demo_utils import comparable, upsert_child
from home.models import ContactFormField, ContactPage, HomePage, StandardPage


def ensure_root():
    """The tree's root and the default locale (a flushed database, as in
    transactional tests, has neither)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def get_home():
    return HomePage.objects.first()


def home_data():
    data = read("home/home.toml")
    for name in ("pages", "pillars", "pillar_placeholder_body"):
        data.pop(name)
    return model_fields(HomePage, data, "home/home.toml")


def ensure_home():
    root = ensure_root()
    home = HomePage.objects.first()
    fields = home_data()
    if home is None:
        return create_home(root, fields)
    changed = False
    for name, value in fields.items():
        if comparable(home, name, getattr(home, name)) != comparable(home, name, value):
            setattr(home, name, value)
            changed = True
    if changed:
        home.save_revision().publish()
    return home


def create_home(root, fields):
    """The home page as the default site's root, in place of Wagtail's
    welcome page if there is one."""
    welcome = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    if welcome is not None:
        welcome.slug = "ancienne-accueil"
        welcome.save(update_fields=["slug"])
    home = HomePage(slug="accueil", **fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    site_name = read("core/settings.toml")["site_name"]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name)
    else:
        site.root_page = home
        site.site_name = site_name
        site.save()
    if welcome is not None:
        welcome.delete()
    return home


def ensure_pillars(home):
    """Placeholders for the three pillars, replaced by each app's real index
    page when its demo runs (upsert_child swaps the page type)."""
    data = read("home/home.toml")
    placeholder_body = stream(
        StandardPage._meta.get_field("body").stream_block, data["pillar_placeholder_body"], "home/home.toml"
    )
    pillars = []
    for pillar in data["pillars"]:
        pillar = dict(pillar)
        slug = pillar.pop("page")
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page, _ = upsert_child(
                home,
                StandardPage,
                slug,
                title=pillar["title"],
                intro=pillar["text"],
                show_in_menus=True,
                body=placeholder_body,
            )
        pillars.append(("pillar", {**pillar, "page": page}))
    if comparable(home, "pillars", home.pillars) != comparable(home, "pillars", pillars):
        home.pillars = pillars
        home.save_revision().publish()


def ensure_about_and_legal(home):
    """The standard pages of demo/home/pages/; returns {slug: page}."""
    pages = {}
    for slug, data in read_folder("home/pages", order=read("home/home.toml")["pages"]):
        pages[slug], _ = upsert_page(home, StandardPage, data, f"home/pages/{slug}.toml", slug)
    return pages


def ensure_contact(home):
    """The contact page and its form, created once (an editor's changes to
    the form are kept)."""
    contact = ContactPage.objects.child_of(home).first()
    if contact is None:
        data = read("home/contact.toml")
        form_fields = data.pop("form_fields")
        contact = ContactPage(**model_fields(ContactPage, data, "home/contact.toml"))
        home.add_child(instance=contact)
        for order, field in enumerate(form_fields):
            field = {"help_text": "", **field, "choices": "\n".join(field.get("choices", []))}
            ContactFormField.objects.create(
                page=contact, sort_order=order, **model_fields(ContactFormField, field, "home/contact.toml")
            )
        contact.save_revision().publish()
    return contact


def load(command):
    home = ensure_home()
    ensure_pillars(home)
    pages = ensure_about_and_legal(home)
    contact = ensure_contact(home)
    ensure_settings(Site.objects.get(is_default_site=True), pages, contact)
