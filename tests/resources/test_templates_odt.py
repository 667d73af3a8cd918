"""Editable OpenDocument templates (resources/odt.py, resources/documents.py):
built-in .odt files filled from a page's fields, replaceable by editors, and
rendered in a sandboxed, autoescaping Jinja2 environment."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from projects.factories import ProjectPageFactory
from resources import odt
from resources.factories import CharterPageFactory, ToolSheetIndexPageFactory
from resources.models import DocumentKind, DocumentTemplate

HOSTILE = "Soins & santé <b>gras</b> {{ ''.__class__ }}"


def odt_with(content_xml):
    """An .odt whose content.xml is `content_xml` (an editor's upload)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), odt.MIMETYPE)
        archive.writestr("content.xml", content_xml)
    return output.getvalue()


def content_of(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        return archive.read("content.xml").decode()


@pytest.mark.parametrize("kind", DocumentKind.values)
def test_every_built_in_template_is_a_valid_odt(kind):
    from xml.dom.minidom import parseString

    data = odt.render_odt(odt.default_odt(kind), {"title": HOSTILE, "principles": []})
    xml = content_of(data)
    parseString(xml)  # noqa: S318 (our own output) — well-formed XML whatever the values
    assert "Soins &amp; santé &lt;b&gt;gras&lt;/b&gt;" in xml
    assert "<b>" not in xml


def test_values_are_escaped_and_never_evaluated():
    xml = content_of(odt.render_odt(odt_with("<t>{{ title }}</t>"), {"title": HOSTILE}))
    assert xml == "<t>Soins &amp; santé &lt;b&gt;gras&lt;/b&gt; {{ &#39;&#39;.__class__ }}</t>"


def test_a_template_cannot_reach_python_internals():
    xml = content_of(odt.render_odt(odt_with("<t>{{ ''.__class__ }}</t>"), {}))
    assert "class" not in xml and "str" not in xml
    with pytest.raises(odt.OdtRenderError):
        odt.render_odt(odt_with("<t>{{ ''.__class__.__mro__[1].__subclasses__() }}</t>"), {})
    with pytest.raises(odt.OdtRenderError):
        odt.render_odt(odt_with("<t>{{ range.__globals__ }}{{ cycler.__init__.__globals__.os.popen('id') }}</t>"), {})
    with pytest.raises(odt.OdtRenderError):
        odt.render_odt(b"not a zip", {})


@pytest.mark.django_db
def test_the_charter_to_sign_is_filled_from_the_charter(client, home_page):
    index = ToolSheetIndexPageFactory(parent=home_page)
    CharterPageFactory(parent=index, principles__0__principle__title="Confiance & respect")
    response = client.get("/modeles/charte_structure.odt")
    assert response.status_code == 200 and response["Content-Type"] == odt.MIMETYPE
    assert 'filename="charte_structure-charte-du-partenariat.odt"' in response["Content-Disposition"]
    text = odt.odt_text(response.content)
    assert "Principe 1 : Confiance &amp; respect" in text and "Écouter chacun." in text
    assert "non relue" in text and "Nom de la structure" in text


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["fiche_projet", "lettre_mission", "note_defraiement"])
def test_project_documents_are_filled_from_the_project_and_blank_without_it(client, home_page, kind):
    project = ProjectPageFactory(title="Projet <Valfleuri> & co", contact_email="secret@example.org")
    text = odt.odt_text(client.get(f"/modeles/{kind}.odt?page={project.pk}").content)
    assert "Projet &lt;Valfleuri&gt; &amp; co" in text and "Centre hospitalier d&#39;exemple" in text
    assert "secret@example.org" not in text
    blank = client.get(f"/modeles/{kind}.odt")
    assert blank.status_code == 200 and "Valfleuri" not in odt.odt_text(blank.content)


@pytest.mark.django_db
def test_bad_parameters_answer_4xx(client, home_page):
    draft = ProjectPageFactory(live=False)
    assert client.get("/modeles/inconnu.odt").status_code == 404
    assert client.get(f"/modeles/fiche_projet.odt?page={draft.pk}").status_code == 404
    response = client.get("/modeles/fiche_projet.odt?page=abc")
    assert response.status_code == 400 and "invalide" in response.content.decode()
    assert client.get("/modeles/charte_structure.odt").status_code == 404  # no charter yet


@pytest.mark.django_db
def test_an_editors_template_replaces_the_built_in_one_and_is_checked(client, home_page):
    project = ProjectPageFactory(title="Projet des Tilleuls")
    document = Document.objects.create(
        title="Ma fiche", file=ContentFile(odt_with("<t>Notre fiche : {{ title }}</t>"), name="fiche.odt")
    )
    row = DocumentTemplate(kind="fiche_projet", document=document)
    row.full_clean()
    row.save()
    text = odt.odt_text(client.get(f"/modeles/fiche_projet.odt?page={project.pk}").content)
    assert "Notre fiche : Projet des Tilleuls" in text
    hostile = Document.objects.create(
        title="Piège", file=ContentFile(odt_with("<t>{{ ''.__class__.__mro__[1].__subclasses__() }}</t>"), name="p.odt")
    )
    with pytest.raises(ValidationError) as error:
        DocumentTemplate(kind="lettre_mission", document=hostile).full_clean()
    assert "ne peut pas être rempli" in str(error.value)
    # A broken upload that got in anyway falls back to the built-in template.
    DocumentTemplate.objects.create(kind="lettre_mission", document=hostile)
    text = odt.odt_text(client.get(f"/modeles/lettre_mission.odt?page={project.pk}").content)
    assert "Lettre de mission" in text and "Projet des Tilleuls" in text
