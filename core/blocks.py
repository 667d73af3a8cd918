"""The shared block library, organised by theme.

Every page type composes its body from `BaseStreamBlock` (or extends it with
blocks of its own, as tool sheets and projects do). Templates live in
templates/blocks/.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# --- Text --------------------------------------------------------------------


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=160)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[("h2", "Titre de section (niveau 2)"), ("h3", "Sous-titre (niveau 3)")],
        default="h2",
        help_text="Respectez l'ordre : un sous-titre suit toujours un titre de section.",
    )

    class Meta:
        icon = "title"
        label = "Titre"
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"])
        kwargs.setdefault("label", "Texte")
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


# --- Emphasis ----------------------------------------------------------------


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label="Type",
        choices=[
            ("vigilance", "Point de vigilance"),
            ("info", "À savoir"),
            ("cle", "À retenir"),
        ],
        default="vigilance",
    )
    title = blocks.CharBlock(label="Titre", required=False, max_length=120)
    text = ParagraphBlock(label="Texte")

    class Meta:
        icon = "warning"
        label = "Encadré (point de vigilance, à savoir, à retenir)"
        template = "blocks/callout.html"


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Témoignage")
    author_role = blocks.CharBlock(
        label="Rôle de la personne",
        max_length=120,
        help_text="Par exemple : patiente partenaire, cadre de santé. Pas de nom sans accord écrit.",
    )
    author_name = blocks.CharBlock(label="Nom (facultatif)", required=False, max_length=80)

    class Meta:
        icon = "openquote"
        label = "Témoignage"
        template = "blocks/testimony.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label="Chiffre", max_length=20)
    unit = blocks.CharBlock(label="Unité", required=False, max_length=40)
    label = blocks.CharBlock(label="Ce que mesure le chiffre", max_length=160)
    source = blocks.CharBlock(label="Source", required=False, max_length=200)

    class Meta:
        icon = "order"
        label = "Chiffre clé"
        template = "blocks/key_figure.html"


# --- Media -------------------------------------------------------------------


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Image")
    decorative = blocks.BooleanBlock(
        label="Image décorative",
        required=False,
        help_text="Cochez si l'image n'apporte aucune information : elle sera ignorée par les lecteurs d'écran.",
    )
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Décrivez ce que l'image apporte au texte. Obligatoire sauf image décorative.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": blocks.BlockValidationError("Le texte alternatif est obligatoire.")}
            )
        return value

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Document")
    title = blocks.CharBlock(
        label="Intitulé du lien", required=False, max_length=160, help_text="Par défaut : le titre du document."
    )
    description = blocks.CharBlock(label="Description", required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = "Document à télécharger"
        template = "blocks/document.html"


# --- Actions -----------------------------------------------------------------


class ButtonLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Texte du bouton", max_length=80, help_text="Dites où mène le lien.")
    page = blocks.PageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Ou adresse externe", required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.BlockValidationError("Choisissez une page ou saisissez une adresse.")}
            )
        return value

    class Meta:
        icon = "link"
        label = "Bouton"
        template = "blocks/button.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every page body may use."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    testimony = TestimonyBlock()
    key_figure = KeyFigureBlock()
    image = ImageBlock()
    document = DocumentBlock()
    button = ButtonLinkBlock()
