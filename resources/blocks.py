"""Blocks that tool sheets add to the shared library."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BaseStreamBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Intitulé de l'étape"), max_length=160)
    who = blocks.CharBlock(label=_("Qui ?"), required=False, max_length=250)
    why = blocks.TextBlock(label=_("Pourquoi ?"), required=False, max_length=600)
    what = blocks.RichTextBlock(label=_("Quoi, comment ?"), features=["bold", "italic", "link", "ul", "ol"])


class StepsBlock(blocks.StructBlock):
    """ "En pratique": numbered steps, each saying who, why and what."""

    title = blocks.CharBlock(label=_("Titre"), max_length=160, default="En pratique")
    steps = blocks.ListBlock(StepBlock(label=_("Étape")), label=_("Étapes"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Étapes numérotées (en pratique)")
        template = "resources/blocks/steps.html"


class LeversObstaclesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=160, required=False)
    levers = blocks.ListBlock(blocks.CharBlock(label=_("Levier"), max_length=300), label=_("Leviers"), required=False)
    obstacles = blocks.ListBlock(blocks.CharBlock(label=_("Frein"), max_length=300), label=_("Freins"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Leviers et freins")
        template = "resources/blocks/levers_obstacles.html"


class ReferenceBlock(blocks.StructBlock):
    authors = blocks.CharBlock(label=_("Auteurs"), max_length=300)
    year = blocks.IntegerBlock(label=_("Année"), required=False, min_value=1900, max_value=2100)
    title = blocks.CharBlock(label=_("Titre"), max_length=300)
    publisher = blocks.CharBlock(label=_("Éditeur, revue ou organisme"), required=False, max_length=200)
    url = blocks.URLBlock(label=_("Lien"), required=False)

    class Meta:
        icon = "link"
        label = _("Référence")
        template = "resources/blocks/reference.html"


class ToolSheetStreamBlock(BaseStreamBlock):
    steps = StepsBlock()
    levers_obstacles = LeversObstaclesBlock()


class CharterPrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Principe"), max_length=200)
    anchor = blocks.CharBlock(
        label=_("Ancre"),
        max_length=60,
        required=False,
        help_text=_("Identifiant du lien direct vers ce principe (ex. « confiance »). Par défaut : tiré du titre."),
    )
    text = blocks.RichTextBlock(label=_("Explication"), features=["bold", "italic", "link", "ul"])
    for_everyone = blocks.ListBlock(
        blocks.CharBlock(label=_("Engagement"), max_length=400),
        label=_("Engagements de toutes et tous"),
        required=False,
    )
    for_patients = blocks.ListBlock(
        blocks.CharBlock(label=_("Engagement"), max_length=400),
        label=_("Engagements des patients partenaires"),
        required=False,
    )
    for_professionals = blocks.ListBlock(
        blocks.CharBlock(label=_("Engagement"), max_length=400),
        label=_("Engagements des professionnels"),
        required=False,
    )
    values = blocks.ListBlock(
        blocks.CharBlock(label=_("Valeur"), max_length=60),
        label=_("Valeurs auxquelles il se rattache"),
        required=False,
    )

    class Meta:
        icon = "list-ol"
        label = _("Principe")


class CharterValueBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Valeur"), max_length=60)
    text = blocks.TextBlock(label=_("Ce qu'elle veut dire"), max_length=500)

    class Meta:
        icon = "pick"
        label = _("Valeur")


class FrameworkCompetencyBlock(blocks.StructBlock):
    competency = SnippetChooserBlock(
        "resources.Competency",
        label=_("Compétence"),
        help_text=_("Une compétence partagée : la même fiche compétence sert à aligner deux référentiels."),
    )
    description = blocks.TextBlock(label=_("Ce que cela veut dire pour ce profil"), required=False, max_length=800)
    indicators = blocks.ListBlock(
        blocks.CharBlock(label=_("Indicateur observable"), max_length=300), label=_("Indicateurs observables")
    )

    class Meta:
        icon = "tick"
        label = _("Compétence")


class FrameworkDomainBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Domaine de compétences"), max_length=160)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=600)
    competencies = blocks.ListBlock(FrameworkCompetencyBlock(), label=_("Compétences"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Domaine")
