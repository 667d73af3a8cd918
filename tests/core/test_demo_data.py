"""The demo's data files: the markup, the conversion of a table into field
values, the errors a mistyped file gives, and fixing a sentence in a file."""

import shutil

import pytest
from django.conf import settings
from wagtail.models import Revision

from core.demo import data as demo_data
from core.demo.data import DemoDataError, model_fields, read, read_folder, stream
from core.demo.markup import to_html
from core.models import Domain
from home.models import StandardPage
from resources.models import ToolSheetPage


def test_markup_paragraphs_lists_and_inline_formatting():
    text = """
    Un premier paragraphe écrit
    sur deux lignes.

    - un **point** important,
      qui continue ;
    - un *autre*, avec [un lien](/fiches-outils/).

    Fin.
    """
    assert to_html(text) == (
        "<p>Un premier paragraphe écrit sur deux lignes.</p>"
        "<ul><li>un <b>point</b> important, qui continue ;</li>"
        '<li>un <em>autre</em>, avec <a href="/fiches-outils/">un lien</a>.</li></ul>'
        "<p>Fin.</p>"
    )


def test_markup_lets_no_html_through():
    assert to_html("1 < 2 & <script>alert(1)</script>") == "<p>1 &lt; 2 &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert to_html('[lien](/a"onclick=x)') == '<p><a href="/a&quot;onclick=x">lien</a></p>'


@pytest.mark.django_db
def test_a_table_becomes_field_values_as_the_admin_would_save_them():
    from core.demo import ensure_domains

    ensure_domains()
    fields = model_fields(
        ToolSheetPage,
        {
            "title": "Une fiche",
            "domain": "soins",
            "body": [
                {"type": "heading", "text": "Un titre"},
                {"type": "callout", "text": "Attention **ici**."},
                {
                    "type": "steps",
                    "steps": [{"title": "Commencer", "what": "Faire\nceci."}],
                },
            ],
        },
    )
    assert fields["domain"] == Domain.objects.get(slug="soins")
    body = ToolSheetPage._meta.get_field("body").stream_block.get_prep_value(
        ToolSheetPage._meta.get_field("body").to_python(fields["body"])
    )
    heading, callout, steps = (block["value"] for block in body)
    assert heading == {"text": "Un titre", "level": "h2"}
    assert callout == {"kind": "vigilance", "title": "", "text": "<p>Attention <b>ici</b>.</p>"}
    assert steps["title"] == "En pratique"
    [step] = [item["value"] for item in steps["steps"]]
    assert step == {"title": "Commencer", "who": "", "why": "", "what": "<p>Faire ceci.</p>"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"titel": "x"}, "has no field 'titel'"),
        ({"domain": "inconnu"}, "no domaine with the slug 'inconnu'"),
        ({"body": [{"type": "paragraf", "text": "x"}]}, "unknown block type 'paragraf'"),
        ({"body": [{"type": "heading", "txt": "x"}]}, "unknown field(s) txt"),
        ({"body": [{"type": "paragraph", "title": "x"}]}, "a paragraph block has only a text"),
    ],
)
def test_a_mistyped_table_names_the_file_and_the_place(table, message):
    with pytest.raises(DemoDataError) as error:
        model_fields(ToolSheetPage, table, "resources/sheets/une-fiche.toml")
    assert message in str(error.value)
    assert str(error.value).startswith("resources/sheets/une-fiche.toml")


def test_a_file_that_does_not_parse_is_named(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_data, "data_dir", lambda: tmp_path)
    (tmp_path / "broken.toml").write_text('title = "no closing quote\n')
    with pytest.raises(DemoDataError, match="demo/broken.toml"):
        read("broken.toml")


def test_a_folder_is_read_in_the_listed_order_then_alphabetically(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_data, "data_dir", lambda: tmp_path)
    (tmp_path / "pages").mkdir()
    for slug in ("b", "a", "c"):
        (tmp_path / "pages" / f"{slug}.toml").write_text(f'title = "{slug}"\n')
    assert [slug for slug, _ in read_folder("pages", order=["c"])] == ["c", "a", "b"]
    with pytest.raises(DemoDataError, match="no file for d"):
        read_folder("pages", order=["d"])


def test_every_demo_file_parses_and_every_page_body_converts():
    """A light check of all the files (the whole demo loads in test_demo.py)."""
    root = settings.BASE_DIR / "demo"
    files = sorted(root.rglob("*.toml"))
    assert len(files) > 50
    for file in files:
        assert read(str(file.relative_to(root)))
    block = StandardPage._meta.get_field("body").stream_block
    for slug, page in read_folder("home/pages"):
        assert stream(block, page["body"], slug)


@pytest.mark.django_db
def test_fixing_a_sentence_in_a_file_republishes_that_page_only(tmp_path, monkeypatch, home_page):
    from home.demo import ensure_about_and_legal

    shutil.copytree(settings.BASE_DIR / "demo", tmp_path / "demo")
    monkeypatch.setattr(demo_data, "data_dir", lambda: tmp_path / "demo")
    pages = ensure_about_and_legal(home_page)
    revisions = {slug: Revision.objects.for_instance(page).count() for slug, page in pages.items()}
    privacy = tmp_path / "demo" / "home" / "pages" / "donnees-personnelles.toml"
    text = privacy.read_text()
    assert "aucun cookie de mesure d'audience" in text
    privacy.write_text(text.replace("aucun cookie de mesure d'audience", "aucun traceur publicitaire"))

    pages = ensure_about_and_legal(home_page)

    page = StandardPage.objects.get(pk=pages["donnees-personnelles"].pk)
    assert "aucun traceur publicitaire" in str(page.body)
    assert "aucun cookie de mesure d'audience" not in str(page.body)
    after = {slug: Revision.objects.for_instance(page).count() for slug, page in pages.items()}
    assert after == {**revisions, "donnees-personnelles": revisions["donnees-personnelles"] + 1}
