"""Blocks that tool sheets add to the shared library."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core.blocks import BaseStreamBlock


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Intitulé de l'étape", max_length=160)
    who = blocks.CharBlock(label="Qui ?", required=False, max_length=250)
    why = blocks.TextBlock(label="Pourquoi ?", required=False, max_length=600)
    what = blocks.RichTextBlock(label="Quoi, comment ?", features=["bold", "italic", "link", "ul", "ol"])


class StepsBlock(blocks.StructBlock):
    """ "En pratique": numbered steps, each saying who, why and what."""

    title = blocks.CharBlock(label="Titre", max_length=160, default="En pratique")
    steps = blocks.ListBlock(StepBlock(label="Étape"), label="Étapes", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Étapes numérotées (en pratique)"
        template = "resources/blocks/steps.html"


class LeversObstaclesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=160, required=False)
    levers = blocks.ListBlock(blocks.CharBlock(label="Levier", max_length=300), label="Leviers", required=False)
    obstacles = blocks.ListBlock(blocks.CharBlock(label="Frein", max_length=300), label="Freins", required=False)

    class Meta:
        icon = "list-ul"
        label = "Leviers et freins"
        template = "resources/blocks/levers_obstacles.html"


class ReferenceBlock(blocks.StructBlock):
    authors = blocks.CharBlock(label="Auteurs", max_length=300)
    year = blocks.IntegerBlock(label="Année", required=False, min_value=1900, max_value=2100)
    title = blocks.CharBlock(label="Titre", max_length=300)
    publisher = blocks.CharBlock(label="Éditeur, revue ou organisme", required=False, max_length=200)
    url = blocks.URLBlock(label="Lien", required=False)

    class Meta:
        icon = "link"
        label = "Référence"
        template = "resources/blocks/reference.html"


class ToolSheetStreamBlock(BaseStreamBlock):
    steps = StepsBlock()
    levers_obstacles = LeversObstaclesBlock()


class CharterPrincipleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Principe", max_length=200)
    anchor = blocks.CharBlock(
        label="Ancre",
        max_length=60,
        required=False,
        help_text="Identifiant du lien direct vers ce principe (ex. « confiance »). Par défaut : tiré du titre.",
    )
    text = blocks.RichTextBlock(label="Explication", features=["bold", "italic", "link", "ul"])
    for_everyone = blocks.ListBlock(
        blocks.CharBlock(label="Engagement", max_length=400), label="Engagements de toutes et tous", required=False
    )
    for_patients = blocks.ListBlock(
        blocks.CharBlock(label="Engagement", max_length=400),
        label="Engagements des patients partenaires",
        required=False,
    )
    for_professionals = blocks.ListBlock(
        blocks.CharBlock(label="Engagement", max_length=400), label="Engagements des professionnels", required=False
    )
    values = blocks.ListBlock(
        blocks.CharBlock(label="Valeur", max_length=60),
        label="Valeurs auxquelles il se rattache",
        required=False,
    )

    class Meta:
        icon = "list-ol"
        label = "Principe"


class CharterValueBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="Valeur", max_length=60)
    text = blocks.TextBlock(label="Ce qu'elle veut dire", max_length=500)

    class Meta:
        icon = "pick"
        label = "Valeur"


class FrameworkCompetencyBlock(blocks.StructBlock):
    competency = SnippetChooserBlock(
        "resources.Competency",
        label="Compétence",
        help_text="Une compétence partagée : la même fiche compétence sert à aligner deux référentiels.",
    )
    description = blocks.TextBlock(label="Ce que cela veut dire pour ce profil", required=False, max_length=800)
    indicators = blocks.ListBlock(
        blocks.CharBlock(label="Indicateur observable", max_length=300), label="Indicateurs observables"
    )

    class Meta:
        icon = "tick"
        label = "Compétence"


class FrameworkDomainBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Domaine de compétences", max_length=160)
    description = blocks.TextBlock(label="Description", required=False, max_length=600)
    competencies = blocks.ListBlock(FrameworkCompetencyBlock(), label="Compétences")

    class Meta:
        icon = "folder-open-inverse"
        label = "Domaine"
