"""Controlled vocabularies shared by several apps.

These are fixed lists that the portal's logic depends on (the engagement
matrix crosses scales and degrees; the directory and projects share partner
roles). Editable taxonomies (tool-sheet categories, project domains) are
snippets in their own apps instead.
"""

from django.db import models


class EngagementScale(models.TextChoices):
    """Level at which patients engage (the "niveaux" of engagement)."""

    MICRO = "micro", "Micro : ses propres soins"
    MESO = "meso", "Méso : services et organisations"
    MACRO = "macro", "Macro : politiques de santé"


class EngagementDegree(models.TextChoices):
    """Degree of engagement along the continuum."""

    INFORMATION = "information", "Information"
    CONSULTATION = "consultation", "Consultation"
    COLLABORATION = "collaboration", "Collaboration"
    PARTENARIAT = "partenariat", "Partenariat"


class PartnerRole(models.TextChoices):
    """Roles a patient partner can hold (directory and projects)."""

    PATIENT_RESSOURCE = "patient-ressource", "Patient ressource"
    PAIR_AIDANT = "pair-aidant", "Pair-aidant"
    PATIENT_FORMATEUR = "patient-formateur", "Patient formateur / intervenant en ETP"
    PATIENT_CHERCHEUR = "patient-chercheur", "Patient chercheur"
    PATIENT_COACH = "patient-coach", "Patient coach"
    REPRESENTANT_USAGERS = "representant-usagers", "Représentant des usagers"
    MEMBRE_ASSOCIATION = "membre-association", "Membre d'association"
    PROCHE_AIDANT = "proche-aidant", "Proche-aidant partenaire"


class Audience(models.TextChoices):
    """Who a resource is written for."""

    PATIENTS = "patients", "Patients et proches-aidants"
    PROFESSIONNELS = "professionnels", "Professionnels"
    DIRECTIONS = "directions", "Directions et structures"
    REPRESENTANTS = "representants", "Représentants des usagers"


class StructureType(models.TextChoices):
    CHU = "chu", "CHU"
    CH = "ch", "Centre hospitalier"
    CLINIQUE = "clinique", "Clinique"
    ESMS = "esms", "ESMS (établissement médico-social)"
    CPTS = "cpts", "CPTS"
    DAC = "dac", "DAC"
    MSP = "msp", "Maison de santé (MSP)"
    ASSOCIATION = "association", "Association"
    FORMATION = "formation", "Université / institut de formation"
    RECHERCHE = "recherche", "Équipe de recherche"
    AUTRE = "autre", "Autre"
