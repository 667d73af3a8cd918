"""The shared block library, organised by theme.

Every page type composes its body from `BaseStreamBlock` (or extends it with
blocks of its own, as tool sheets and projects do). Templates live in
templates/blocks/.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# --- Text --------------------------------------------------------------------


class UnindexedChoiceBlock(blocks.ChoiceBlock):
    """A choice that is a display option for editors (heading level, callout
    kind), not content: its label ("Titre de section (niveau 2)") stays out
    of the search index. Same as `ChoiceBlock(search_index=False)`, but it
    deconstructs as a plain ChoiceBlock (ChoiceBlock.deconstruct), so no
    StreamField migration is needed."""

    def get_searchable_content(self, value):
        return []


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=160)
    level = UnindexedChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)"))],
        default="h2",
        help_text=_("Respectez l'ordre : un sous-titre suit toujours un titre de section."),
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"])
        kwargs.setdefault("label", _("Texte"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


# --- Emphasis ----------------------------------------------------------------


class CalloutBlock(blocks.StructBlock):
    kind = UnindexedChoiceBlock(
        label=_("Type"),
        choices=[
            ("vigilance", _("Point de vigilance")),
            ("info", _("À savoir")),
            ("cle", _("À retenir")),
        ],
        default="vigilance",
    )
    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    text = ParagraphBlock(label=_("Texte"))

    class Meta:
        icon = "warning"
        label = _("Encadré (point de vigilance, à savoir, à retenir)")
        template = "blocks/callout.html"


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Témoignage"))
    author_role = blocks.CharBlock(
        label=_("Rôle de la personne"),
        max_length=120,
        help_text=_("Par exemple : patiente partenaire, cadre de santé. Pas de nom sans accord écrit."),
    )
    author_name = blocks.CharBlock(label=_("Nom (facultatif)"), required=False, max_length=80)

    class Meta:
        icon = "openquote"
        label = _("Témoignage")
        template = "blocks/testimony.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20)
    unit = blocks.CharBlock(label=_("Unité"), required=False, max_length=40)
    label = blocks.CharBlock(label=_("Ce que mesure le chiffre"), max_length=160)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "order"
        label = _("Chiffre clé")
        template = "blocks/key_figure.html"


# --- Media -------------------------------------------------------------------


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    decorative = blocks.BooleanBlock(
        label=_("Image décorative"),
        required=False,
        help_text=_("Cochez si l'image n'apporte aucune information : elle sera ignorée par les lecteurs d'écran."),
    )
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        max_length=250,
        help_text=_("Décrivez ce que l'image apporte au texte. Obligatoire sauf image décorative."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": blocks.BlockValidationError(gettext("Le texte alternatif est obligatoire."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Intitulé du lien"), required=False, max_length=160, help_text=_("Par défaut : le titre du document.")
    )
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "blocks/document.html"


# --- Actions -----------------------------------------------------------------


class ButtonLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Texte du bouton"), max_length=80, help_text=_("Dites où mène le lien."))
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse externe"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(gettext("Choisissez une page ou saisissez une adresse."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Bouton")
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
