"""Editable OpenDocument templates: the charter to sign, the project sheet,
the mission letter and the compensation note.

Each kind has a default .odt built here in code (a zip holding content.xml,
styles.xml, the manifest); editors may replace it by uploading their own .odt
(the `DocumentTemplate` snippet). Either way the XML parts are rendered by a
sandboxed, autoescaping Jinja2 environment: values are XML-escaped (`&`, `<`,
quotes), and an uploaded template cannot reach Python internals
(`{{ ''.__class__ }}` renders nothing; calling anything unsafe raises
SecurityError). A template that fails to render falls back to the default one.
"""

import io
import logging
import zipfile
from xml.sax.saxutils import escape

from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

logger = logging.getLogger(__name__)

MIMETYPE = "application/vnd.oasis.opendocument.text"
RENDERED_PARTS = ("content.xml", "styles.xml")


def environment():
    # autoescape=True escapes & < > " ' as XML-safe entities (&amp; &lt; &gt; &#34; &#39;).
    return SandboxedEnvironment(autoescape=True, trim_blocks=True, lstrip_blocks=True)


class OdtRenderError(ValueError):
    pass


def render_xml(source, context):
    try:
        return environment().from_string(source).render(**context)
    except TemplateError as error:  # includes SecurityError and UndefinedError
        raise OdtRenderError(str(error)) from error


def render_odt(template_bytes, context):
    """The .odt `template_bytes` with its XML parts rendered with `context`."""
    try:
        source = zipfile.ZipFile(io.BytesIO(template_bytes))
    except zipfile.BadZipFile as error:
        raise OdtRenderError("not an OpenDocument file") from error
    output = io.BytesIO()
    with source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        if "mimetype" in names:  # first and stored, as the format requires
            target.writestr(zipfile.ZipInfo("mimetype"), source.read("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name in names:
            if name == "mimetype":
                continue
            data = source.read(name)
            if name in RENDERED_PARTS:
                data = render_xml(data.decode("utf-8"), context).encode("utf-8")
            target.writestr(name, data)
    return output.getvalue()


# --- default templates, built in code -------------------------------------------

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'office:version="1.3"'
)
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:font-face-decls/>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-family="'DejaVu Sans'" fo:font-size="10.5pt"/></style:default-style>
<style:style style:name="Title" style:family="paragraph"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.4cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="8.5pt"/></style:style>
</office:styles>
</office:document-styles>
"""
MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def _p(text, style=None):
    attr = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attr}>{text}</text:p>"


def _h(text):
    return f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{text}</text:h>'


FOOTER = _p(
    "{{ site_name }} — " + escape("modèle « ") + "{{ template_title }}" + escape(" », généré le ") + "{{ today }}"
    "{% if page_url %} depuis {{ page_url }}{% endif %}",
    "Small",
)

BODIES = {
    "charte_structure": "".join(
        [
            _p("{{ title }}", "Title"),
            _p("Version {{ version }}{% if validation %}, {{ validation }}{% endif %}"),
            _p("{{ intro }}"),
            "{% for principle in principles %}",
            _h("Principe {{ principle.number }} : {{ principle.title }}"),
            "{% for item in principle.commitments %}" + _p("– {{ item }}") + "{% endfor %}",
            "{% endfor %}",
            _h("Engagement de la structure"),
            _p("Nom de la structure : ……………………………………………"),
            _p("Représentée par : ……………………………………………, fonction : ……………………"),
            _p("s'engage à respecter les principes de cette charte dans ses projets de partenariat en santé."),
            _p("Fait à ……………………, le ……………………"),
            _p("Signature de la structure :"),
            _p("Signature d'un patient partenaire associé :"),
        ]
    ),
    "fiche_projet": "".join(
        [
            _p("Fiche projet : {{ title }}", "Title"),
            _p("Structure porteuse : {{ structure }}"),
            _p("Lieu : {{ place }}"),
            _p("Période : {{ period }}"),
            _p("Niveau et degré d'engagement : {{ engagement }}"),
            _h("Résumé"),
            _p("{{ summary }}"),
            _h("Objectifs"),
            _p("……………………………………………………………………"),
            _h("Place des patients partenaires"),
            _p("……………………………………………………………………"),
            _h("Calendrier et moyens"),
            _p("……………………………………………………………………"),
        ]
    ),
    "lettre_mission": "".join(
        [
            _p("Lettre de mission d'un patient partenaire", "Title"),
            _p("Projet : {{ title }}"),
            _p("Structure : {{ structure }}"),
            _p("Patient partenaire : ……………………………………………"),
            _h("Mission"),
            _p("{{ summary }}"),
            _p("Rôle confié : ……………………………………………"),
            _h("Durée et temps prévu"),
            _p("Du …………… au …………… ; environ …… heures par mois."),
            _h("Défraiement et rémunération"),
            _p(
                "Les frais engagés sont remboursés sur note de défraiement. "
                "Rémunération prévue : ……………………………… (à préciser avant le début de la mission)."
            ),
            _h("Engagements réciproques"),
            _p("Les deux parties s'engagent à respecter la charte du partenariat ({{ charter_url }})."),
            _p("Fait à ……………………, le ……………………"),
            _p("Pour la structure :"),
            _p("Le patient partenaire :"),
        ]
    ),
    "note_defraiement": "".join(
        [
            _p("Note de défraiement", "Title"),
            _p("Projet : {{ title }}"),
            _p("Structure : {{ structure }}"),
            _p("Nom du patient partenaire : ……………………………………………"),
            _h("Frais engagés"),
            _p("Date : …………… Objet : …………………………… Montant : …………… €"),
            _p("Date : …………… Objet : …………………………… Montant : …………… €"),
            _p("Date : …………… Objet : …………………………… Montant : …………… €"),
            _p("Total : …………… €"),
            _p("Justificatifs joints. Fait à ……………………, le ……………………"),
            _p("Signature :"),
        ]
    ),
}


def default_content(kind):
    body = BODIES[kind] + FOOTER
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>\n"
    )


def default_odt(kind):
    """The built-in template of `kind`, as .odt bytes (placeholders unrendered)."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
        archive.writestr("styles.xml", STYLES)
        archive.writestr("content.xml", default_content(kind))
    return output.getvalue()


def odt_text(data):
    """The text of an .odt's content.xml without tags (tests, checks)."""
    import re

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("content.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", " ", xml)
