"""Demo content for the projects showcase.

At least 40 projects, every one flagged "exemple illustratif": the structures
and fields are taken from the working group's sources (projects accompanied
by the AP-HP, experiments in the five fields of the collective dimension in
Occitanie); the figures, steps and testimonies are invented, and no person is
named. All texts are written for the portal.
"""

from home import geo
from home.demo_utils import get_home, upsert_child
from home.models import Domain
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartnerRole, ProjectRelatedSheet
from resources.models import ToolSheetPage

INDEX_INTRO = (
    "Des équipes ont déjà travaillé avec des patients et des proches-aidants partenaires : dans les soins, "
    "l'organisation des services, la formation, la recherche et la gouvernance. Parcourez leurs projets par "
    "domaine, territoire, thème ou degré d'engagement, et inspirez-vous de leurs résultats comme de leurs difficultés."
)

DOMAIN_INTROS = {
    "soins": "<p>Des projets où la personne soignée et ses proches participent à leurs propres soins : "
    "décision partagée, éducation thérapeutique, pair-aidance, place des aidants à l'hôpital.</p>",
    "organisation-des-soins": "<p>Repenser un parcours, un accueil, un repas ou une signalétique avec celles et "
    "ceux qui les vivent : des projets qui améliorent le fonctionnement des services.</p>",
    "enseignement": "<p>Des patients et des proches qui enseignent aux futurs professionnels, conçoivent des "
    "modules de formation et évaluent les stages à leurs côtés.</p>",
    "recherche": "<p>Des recherches conçues et menées avec des patients chercheurs, de la question de départ "
    "jusqu'à la diffusion des résultats.</p>",
    "gouvernance": "<p>Des comités, des conseils et des instances où patients et proches décident avec les "
    "directions et les équipes.</p>",
}

R = {
    "ressource": "patient-ressource",
    "pair": "pair-aidant",
    "formateur": "patient-formateur",
    "chercheur": "patient-chercheur",
    "coach": "patient-coach",
    "ru": "representant-usagers",
    "asso": "membre-association",
    "proche": "proche-aidant",
}

# slug, title, summary, domain, themes, structure, type, dept, town, start, end, status, degree, scale, roles,
# objectives, lesson
PROJECTS = [
    # --- AP-HP accompanied projects (Île-de-France) ---------------------------------------------------
    (
        "consultation-anesthesie",
        "Une consultation d'anesthésie préparée avec les patients",
        "Revoir le déroulé de la consultation d'anesthésie à partir des questions que les opérés se posaient vraiment.",
        "organisation-des-soins",
        ["parcours de soins", "information"],
        "Hôpital Pitié-Salpêtrière (AP-HP)",
        "chu",
        "75",
        "Paris",
        2022,
        2024,
        "termine",
        "collaboration",
        "meso",
        ["ressource", "ru"],
        [
            "Recenser les inquiétudes des patients avant une intervention",
            "Refondre le support remis en fin de consultation",
        ],
        "Les questions des patients portaient moins sur l'anesthésie elle-même que sur le réveil et le retour à domicile.",
    ),
    (
        "geriatrie-savoirs-aidants",
        "Gériatrie : des ateliers d'échange entre aidants et soignants",
        "Faire reconnaître ce que les proches savent de la personne âgée hospitalisée, lors d'ateliers réguliers.",
        "soins",
        ["aidants", "parcours de soins"],
        "Hôpital Charles-Foix (AP-HP)",
        "chu",
        "94",
        "Ivry-sur-Seine",
        2023,
        None,
        "en-cours",
        "collaboration",
        "micro",
        ["proche", "asso"],
        [
            "Organiser un atelier mensuel aidants et soignants",
            "Intégrer les habitudes de vie transmises par les proches au dossier",
        ],
        "Un atelier en fin de journée convient mieux aux aidants qui travaillent : l'horaire a dû être déplacé.",
    ),
    (
        "pma-mamans-solo",
        "Un parcours d'assistance médicale à la procréation pour les femmes seules",
        "Construire avec des femmes concernées un accueil adapté aux demandes de PMA sans partenaire.",
        "organisation-des-soins",
        ["parcours de soins", "information"],
        "Hôpital Trousseau, CECOS (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        None,
        "en-cours",
        "partenariat",
        "meso",
        ["ressource", "asso"],
        [
            "Identifier les étapes vécues comme les plus difficiles",
            "Co-écrire un livret d'accueil propre à ce parcours",
        ],
        "Il a fallu clarifier dès le départ ce qui relevait du projet et ce qui relevait du cadre légal, non négociable.",
    ),
    (
        "therapies-innovantes",
        "Accéder aux médicaments de thérapie innovante : un parcours clarifié",
        "La pharmacie et des patients partenaires décrivent ensemble chaque étape, de l'indication à la perfusion.",
        "organisation-des-soins",
        ["parcours de soins", "information"],
        "Hôpital Pitié-Salpêtrière, pharmacie (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        2025,
        "termine",
        "consultation",
        "meso",
        ["ressource"],
        ["Cartographier le parcours vu par les patients", "Réduire les délais d'attente jugés inexpliqués"],
        "Une carte du parcours lisible par tous demande plusieurs allers-retours : prévoir le temps de relecture.",
    ),
    (
        "medecine-bucco-dentaire",
        "Médecine bucco-dentaire : un accueil repensé avec les patients",
        "Des patients suivis au long cours aident l'équipe à rendre les soins dentaires moins redoutés.",
        "soins",
        ["parcours de soins", "accueil"],
        "Hôpital Pitié-Salpêtrière, médecine bucco-dentaire (AP-HP)",
        "chu",
        "75",
        "Paris",
        2024,
        None,
        "en-cours",
        "consultation",
        "micro",
        ["ressource"],
        [
            "Repérer les moments d'anxiété pendant la prise en charge",
            "Tester des aménagements simples en salle d'attente",
        ],
        "Les patients les plus anxieux sont aussi les plus difficiles à recruter pour un groupe de travail.",
    ),
    (
        "reeducation-animaux",
        "Rééducation après la réanimation : la visite des animaux de compagnie",
        "Permettre aux patients en rééducation respiratoire de revoir leur animal, un projet porté avec d'anciens patients.",
        "soins",
        ["parcours de soins", "qualité de vie"],
        "Hôpital Pitié-Salpêtrière, réanimation (AP-HP)",
        "chu",
        "75",
        "Paris",
        2022,
        2023,
        "termine",
        "partenariat",
        "meso",
        ["ressource", "proche"],
        [
            "Définir un protocole d'hygiène accepté par tous",
            "Mesurer l'effet des visites sur la motivation en rééducation",
        ],
        "Le protocole d'hygiène a été le point le plus discuté : associer l'équipe d'hygiène dès le début.",
    ),
    (
        "mieux-vivre-reanimation",
        "Mieux vivre la réanimation, pour les patients et leurs proches",
        "D'anciens patients et des familles proposent des changements concrets dans la vie quotidienne du service.",
        "organisation-des-soins",
        ["aidants", "accueil"],
        "Hôpital Pitié-Salpêtrière, réanimation (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        None,
        "en-cours",
        "collaboration",
        "meso",
        ["ressource", "proche"],
        ["Recueillir le vécu d'anciens patients de réanimation", "Assouplir l'accueil des proches"],
        "Revenir dans le service peut raviver des souvenirs difficiles : proposer un temps d'échange après chaque réunion.",
    ),
    (
        "poids-des-images",
        "« Poids des images » : changer le regard sur l'obésité",
        "Avec des personnes concernées, un service choisit des images respectueuses pour ses supports et ses locaux.",
        "organisation-des-soins",
        ["information", "accueil"],
        "SMR nutrition et obésité, GHU Paris Saclay (AP-HP)",
        "chu",
        "92",
        "Clamart",
        2023,
        2024,
        "termine",
        "partenariat",
        "meso",
        ["ressource", "asso"],
        ["Passer en revue les images utilisées par le service", "Constituer une banque d'images co-choisie"],
        "Certaines images jugées neutres par l'équipe étaient vécues comme stigmatisantes : d'où l'intérêt du regard croisé.",
    ),
    (
        "etp-sclerose-en-plaques",
        "Éducation thérapeutique et sclérose en plaques : un programme co-animé",
        "Des patients intervenants co-animent les séances du programme d'éducation thérapeutique de neurologie.",
        "soins",
        ["ETP"],
        "Hôpital Pitié-Salpêtrière, neurologie (AP-HP)",
        "chu",
        "75",
        "Paris",
        2021,
        None,
        "en-cours",
        "partenariat",
        "micro",
        ["formateur", "asso"],
        ["Co-construire deux ateliers sur la fatigue et l'emploi", "Former les patients intervenants à l'animation"],
        "La rémunération des patients intervenants doit être réglée avant de démarrer, pas après.",
    ),
    (
        "stomie-outil-psychoeducatif",
        "Un outil psycho-éducatif pour les personnes stomisées",
        "Chirurgiens, stomathérapeutes et patients stomisés conçoivent ensemble un outil pour l'après-opération.",
        "soins",
        ["ETP", "information"],
        "Hôpital Cochin, chirurgie digestive (AP-HP)",
        "chu",
        "75",
        "Paris",
        2022,
        2024,
        "termine",
        "partenariat",
        "micro",
        ["ressource", "pair"],
        ["Identifier les difficultés du retour à domicile", "Concevoir et tester un outil avec des patients opérés"],
        "Tester l'outil auprès de patients qui n'ont pas participé à sa conception a révélé des mots trop techniques.",
    ),
    (
        "etp-mici",
        "Maladies inflammatoires de l'intestin : un programme d'ETP revisité",
        "Le programme d'éducation thérapeutique est réécrit à partir des besoins exprimés par les patients.",
        "soins",
        ["ETP"],
        "Hôpital Bicêtre (AP-HP)",
        "chu",
        "94",
        "Le Kremlin-Bicêtre",
        2024,
        None,
        "en-projet",
        "consultation",
        "micro",
        ["formateur"],
        ["Interroger les patients sur les ateliers existants", "Proposer deux nouveaux ateliers"],
        "Un questionnaire seul ne suffit pas : les entretiens ont fait émerger des besoins inattendus.",
    ),
    (
        "parcours-bariatrique",
        "Parcours de chirurgie bariatrique : ateliers et échanges entre pairs",
        "Des patients déjà opérés accompagnent ceux qui se préparent à la chirurgie, lors d'ateliers partagés.",
        "soins",
        ["pair-aidance", "parcours de soins", "ETP"],
        "Hôpital Ambroise-Paré (AP-HP)",
        "chu",
        "92",
        "Boulogne-Billancourt",
        2022,
        None,
        "en-cours",
        "partenariat",
        "micro",
        ["pair", "formateur"],
        ["Ouvrir des ateliers co-animés avant l'intervention", "Organiser un suivi entre pairs la première année"],
        "Les pairs ont besoin d'un temps de supervision régulier avec l'équipe.",
    ),
    (
        "cancer-pair-aidance",
        "Cancer : la pair-aidance intégrée au parcours",
        "Des pairs-aidants formés rencontrent les personnes au moment de l'annonce et pendant les traitements.",
        "soins",
        ["pair-aidance", "parcours de soins"],
        "Hôpital Henri-Mondor (AP-HP)",
        "chu",
        "94",
        "Créteil",
        2022,
        None,
        "en-cours",
        "partenariat",
        "micro",
        ["pair", "asso"],
        ["Proposer une rencontre avec un pair à chaque nouvelle personne", "Évaluer l'effet sur l'anxiété ressentie"],
        "Définir par écrit le rôle du pair-aidant a évité les confusions avec le rôle des soignants.",
    ),
    (
        "arthroplastie-accompagnement",
        "Prothèse de hanche ou de genou : se préparer avec d'anciens opérés",
        "D'anciens patients participent aux réunions d'information avant l'arthroplastie.",
        "soins",
        ["parcours de soins", "information"],
        "Hôpital Lariboisière, orthopédie (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        None,
        "en-cours",
        "collaboration",
        "micro",
        ["ressource"],
        ["Ajouter le témoignage d'anciens opérés aux réunions", "Revoir le livret de préparation"],
        "Veiller à la diversité des témoignages : tous les parcours ne se passent pas sans difficulté.",
    ),
    (
        "femmes-exilees",
        "Un parcours de soins pour les femmes exilées",
        "Associations et femmes concernées construisent avec l'hôpital un parcours d'accueil et d'orientation.",
        "organisation-des-soins",
        ["parcours de soins", "accueil", "information"],
        "Hôpital Avicenne (AP-HP)",
        "chu",
        "93",
        "Bobigny",
        2023,
        None,
        "en-cours",
        "collaboration",
        "meso",
        ["asso", "pair"],
        ["Identifier les ruptures de parcours", "Former l'équipe d'accueil avec des femmes relais"],
        "L'interprétariat professionnel est indispensable : le projet a dû prévoir un budget dédié.",
    ),
    (
        "drepanocytose-seniors",
        "Drépanocytose après 60 ans : un suivi adapté",
        "Des patients âgés atteints de drépanocytose aident à organiser un suivi qui n'existait pas pour eux.",
        "organisation-des-soins",
        ["parcours de soins"],
        "Hôpital Bicêtre (AP-HP)",
        "chu",
        "94",
        "Le Kremlin-Bicêtre",
        2024,
        None,
        "en-projet",
        "consultation",
        "meso",
        ["ressource", "asso"],
        ["Décrire les besoins propres à l'avancée en âge", "Proposer une consultation de suivi coordonnée"],
        "Les patients âgés sont peu nombreux : s'appuyer sur l'association pour les joindre.",
    ),
    (
        "test-degustation",
        "Un test de dégustation pour améliorer les repas",
        "Des patients goûtent et notent les plats avant leur mise au menu de l'hôpital.",
        "organisation-des-soins",
        ["restauration"],
        "Hôpital Saint-Antoine (AP-HP)",
        "chu",
        "75",
        "Paris",
        2022,
        2023,
        "termine",
        "consultation",
        "meso",
        ["ru", "ressource"],
        ["Organiser des séances de dégustation à l'aveugle", "Retirer ou modifier les plats les moins appréciés"],
        "Associer la cuisine centrale dès le départ : c'est elle qui peut changer les recettes.",
    ),
    (
        "transport-interne",
        "Le transport interne des patients, vu de la civière",
        "Des patients décrivent ce qu'ils vivent pendant les brancardages, pour améliorer attente, confort et information.",
        "organisation-des-soins",
        ["parcours de soins", "accueil"],
        "Hôpital Pitié-Salpêtrière (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        2024,
        "termine",
        "collaboration",
        "meso",
        ["ressource", "ru"],
        [
            "Recueillir le vécu des patients transportés",
            "Tester une information systématique sur la destination et l'attente",
        ],
        "Des mesures simples (prévenir, couvrir, expliquer) ont eu plus d'effet que prévu.",
    ),
    (
        "genetique-falc",
        "Consultation de génétique : un document en FALC sur le parcours",
        "Un document facile à lire et à comprendre explique les étapes, de la prise de sang à l'annonce du diagnostic.",
        "organisation-des-soins",
        ["information / FALC", "information"],
        "Hôpital Pitié-Salpêtrière, génétique (AP-HP)",
        "chu",
        "75",
        "Paris",
        2022,
        2023,
        "termine",
        "partenariat",
        "meso",
        ["ressource", "asso"],
        ["Rédiger le document avec des personnes concernées", "Faire relire le texte par un groupe de lecteurs FALC"],
        "La relecture par des personnes concernées est ce qui rend un document réellement « facile à lire ».",
    ),
    (
        "had-aidants-palliatifs",
        "Soins palliatifs en HAD : faire une place aux proches-aidants",
        "Des proches endeuillés et des soignants repensent l'accueil des aidants à domicile en fin de vie.",
        "soins",
        ["aidants", "soins palliatifs"],
        "Hospitalisation à domicile de l'AP-HP",
        "chu",
        "75",
        "Paris",
        2022,
        None,
        "en-cours",
        "collaboration",
        "micro",
        ["proche", "asso"],
        ["Recenser les besoins des aidants à chaque étape", "Proposer un premier entretien dédié à l'aidant"],
        "Solliciter des proches endeuillés demande tact et délai : attendre plusieurs mois après le décès.",
    ),
    (
        "signaletique",
        "Une signalétique testée par les usagers",
        "Des usagers parcourent l'hôpital avec l'équipe travaux pour repérer où l'on se perd, puis testent les panneaux.",
        "organisation-des-soins",
        ["signalétique", "bâtiment"],
        "Hôpital Bichat (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        2025,
        "termine",
        "collaboration",
        "meso",
        ["ru", "ressource"],
        ["Réaliser des parcours commentés", "Tester les nouveaux panneaux avant leur pose"],
        "Inclure des personnes malvoyantes ou en fauteuil a changé les choix de couleurs et de hauteur.",
    ),
    (
        "unite-sourds",
        "Rénover une unité d'accueil pour les personnes sourdes et malentendantes",
        "Les futurs usagers de l'unité participent aux choix d'aménagement des locaux rénovés.",
        "organisation-des-soins",
        ["bâtiment", "accueil"],
        "Hôpital Pitié-Salpêtrière (AP-HP)",
        "chu",
        "75",
        "Paris",
        2024,
        None,
        "en-cours",
        "partenariat",
        "meso",
        ["asso", "ressource"],
        ["Associer les usagers aux plans", "Adapter la signalisation visuelle et l'appel en salle d'attente"],
        "Prévoir l'interprétation en langue des signes à chaque réunion, et l'inscrire au budget.",
    ),
    (
        "comite-enfants-familles",
        "Un comité des enfants et des familles dans la gouvernance",
        "Un institut pédiatrique donne une place aux enfants et à leurs parents dans ses décisions.",
        "gouvernance",
        ["gouvernance"],
        "Institut du cerveau de l'enfant, hôpital Robert-Debré (AP-HP)",
        "chu",
        "75",
        "Paris",
        2023,
        None,
        "en-cours",
        "partenariat",
        "macro",
        ["proche", "asso"],
        [
            "Créer un comité avec une charte de fonctionnement",
            "Soumettre chaque projet de l'institut à l'avis du comité",
        ],
        "Adapter le format des réunions aux enfants : plus courtes, plus visuelles, avec des temps de jeu.",
    ),
    (
        "comite-patients-cancer",
        "Un comité de patients dans un institut du cancer",
        "Des patients siègent dans un comité consulté sur la stratégie, les projets de recherche et l'information.",
        "gouvernance",
        ["gouvernance", "recherche participative"],
        "Institut du cancer Paris CARPEM",
        "recherche",
        "75",
        "Paris",
        2021,
        None,
        "en-cours",
        "partenariat",
        "macro",
        ["chercheur", "ru", "asso"],
        ["Installer le comité et son règlement", "Rendre compte chaque année des avis suivis ou non"],
        "Dire clairement ce qui a été fait de chaque avis entretient la confiance du comité.",
    ),
    (
        "ifmk-ingenierie-formation",
        "Un usager dans le cours d'ingénierie de formation des kinésithérapeutes",
        "Un usager intervient auprès des étudiants et participe à la construction du module.",
        "enseignement",
        ["formation"],
        "Institut de formation en masso-kinésithérapie (AP-HP)",
        "formation",
        "75",
        "Paris",
        2022,
        2023,
        "termine",
        "collaboration",
        "meso",
        ["formateur"],
        ["Co-construire une séance avec un usager", "Recueillir l'avis des étudiants"],
        "Les étudiants ont demandé davantage de temps d'échange direct avec l'intervenant.",
    ),
    # --- Occitanie: experiments in the five fields of the collective dimension -----------------------
    (
        "occitanie-soins-etp-diabete",
        "Expérimentation « soins » : un binôme patient-soignant en diabétologie",
        "Une équipe de diabétologie expérimente un binôme de consultation avec un patient partenaire.",
        "soins",
        ["ETP", "parcours de soins"],
        "CHU de Toulouse",
        "chu",
        "31",
        "Toulouse",
        2021,
        2023,
        "termine",
        "partenariat",
        "micro",
        ["ressource", "formateur"],
        [
            "Définir le rôle du patient partenaire en consultation",
            "Évaluer la satisfaction des patients et de l'équipe",
        ],
        "Le diagnostic de départ a montré une adhésion forte des soignants, mais peu de temps disponible.",
    ),
    (
        "occitanie-organisation-dac",
        "Expérimentation « organisation des soins » : un dispositif d'appui co-piloté",
        "Un dispositif d'appui à la coordination associe des usagers à la révision de ses procédures d'orientation.",
        "organisation-des-soins",
        ["parcours de soins", "coordination"],
        "DAC de l'Hérault",
        "dac",
        "34",
        "Montpellier",
        2021,
        2023,
        "termine",
        "collaboration",
        "meso",
        ["ru", "proche"],
        ["Revoir la procédure d'orientation avec des usagers", "Définir des critères d'évaluation partagés"],
        "Formaliser les rôles de chacun a été la condition pour passer de la consultation à la collaboration.",
    ),
    (
        "occitanie-enseignement-ifsi",
        "Expérimentation « enseignement » : des patients formateurs en institut de soins infirmiers",
        "Des patients formateurs co-construisent un module sur la relation de soin avec les formateurs infirmiers.",
        "enseignement",
        ["formation", "relation de soin"],
        "Institut de formation en soins infirmiers de Nîmes",
        "formation",
        "30",
        "Nîmes",
        2021,
        2022,
        "termine",
        "partenariat",
        "meso",
        ["formateur"],
        ["Co-écrire un module de dix heures", "Évaluer la posture des étudiants en stage"],
        "L'acculturation de l'équipe pédagogique a pris plus de temps que la conception du module.",
    ),
    (
        "occitanie-recherche-participative",
        "Expérimentation « recherche » : une question de recherche choisie avec les patients",
        "Une équipe de recherche associe des patients chercheurs au choix de la question et du protocole.",
        "recherche",
        ["recherche participative"],
        "Université de Montpellier",
        "recherche",
        "34",
        "Montpellier",
        2021,
        2024,
        "termine",
        "partenariat",
        "macro",
        ["chercheur", "asso"],
        ["Co-définir la question de recherche", "Co-rédiger les documents d'information des participants"],
        "Les patients chercheurs ont besoin d'un accès facilité à la littérature scientifique.",
    ),
    (
        "occitanie-gouvernance-esms",
        "Expérimentation « gouvernance » : des résidents au comité de direction",
        "Un établissement médico-social invite des résidents et des proches à certaines séances de son comité de direction.",
        "gouvernance",
        ["gouvernance", "aidants"],
        "EHPAD public du Lot (exemple)",
        "esms",
        "46",
        "Cahors",
        2021,
        2023,
        "termine",
        "collaboration",
        "meso",
        ["proche", "ru"],
        ["Ouvrir quatre séances par an aux résidents", "Co-construire l'ordre du jour"],
        "Sans impulsion de la direction, le projet n'aurait pas dépassé le stade de l'information.",
    ),
    # --- Other projects in Occitanie -------------------------------------------------------------------
    (
        "montpellier-urgences-accueil",
        "Urgences : une salle d'attente repensée avec les usagers",
        "Des représentants des usagers et des soignants réaménagent l'accueil et l'information aux urgences.",
        "organisation-des-soins",
        ["accueil", "signalétique"],
        "CHU de Montpellier",
        "chu",
        "34",
        "Montpellier",
        2024,
        None,
        "en-cours",
        "collaboration",
        "meso",
        ["ru"],
        ["Afficher le temps d'attente estimé", "Réaménager l'espace pour les accompagnants"],
        "L'affichage des temps d'attente a réduit les tensions, à condition d'être mis à jour.",
    ),
    (
        "nimes-sante-mentale-pairs",
        "Santé mentale : des médiateurs pairs dans une équipe mobile",
        "Une équipe mobile de psychiatrie intègre des médiateurs de santé pairs.",
        "soins",
        ["pair-aidance", "santé mentale"],
        "CHU de Nîmes",
        "chu",
        "30",
        "Nîmes",
        2022,
        None,
        "en-cours",
        "partenariat",
        "micro",
        ["pair"],
        ["Recruter et former deux médiateurs pairs", "Mesurer l'effet sur le maintien du lien avec les soins"],
        "Le statut et la fiche de poste des médiateurs doivent être prêts avant le recrutement.",
    ),
    (
        "perpignan-livret-falc",
        "Un livret d'accueil en FALC pour la maternité",
        "Des parents et des associations rédigent avec l'équipe un livret facile à lire et à comprendre.",
        "organisation-des-soins",
        ["information / FALC", "accueil"],
        "Centre hospitalier de Perpignan",
        "ch",
        "66",
        "Perpignan",
        2023,
        2024,
        "termine",
        "collaboration",
        "meso",
        ["asso", "proche"],
        ["Rédiger le livret en FALC", "Le traduire en catalan et en espagnol"],
        "Tester le livret auprès de parents qui lisent difficilement a guidé chaque choix de mot.",
    ),
    (
        "rodez-aidants-oncologie",
        "Oncologie : une permanence de proches-aidants",
        "Des proches-aidants bénévoles tiennent une permanence d'écoute dans le service d'oncologie.",
        "soins",
        ["aidants", "pair-aidance"],
        "Centre hospitalier de Rodez",
        "ch",
        "12",
        "Rodez",
        2023,
        None,
        "en-cours",
        "collaboration",
        "micro",
        ["proche", "asso"],
        ["Ouvrir une permanence hebdomadaire", "Former les bénévoles à l'écoute"],
        "La confidentialité doit être rappelée à chaque nouvelle recrue de la permanence.",
    ),
    (
        "albi-restauration",
        "Des repas choisis avec les patients en soins de suite",
        "Un comité de patients participe au choix des menus et à l'organisation des repas.",
        "organisation-des-soins",
        ["restauration"],
        "Centre hospitalier d'Albi",
        "ch",
        "81",
        "Albi",
        2022,
        2023,
        "termine",
        "consultation",
        "meso",
        ["ru", "ressource"],
        ["Installer un comité des menus", "Réduire le gaspillage alimentaire"],
        "Les horaires des repas comptaient autant que leur contenu pour les patients.",
    ),
    (
        "tarbes-cpts-parcours",
        "Une CPTS qui co-construit son parcours insuffisance cardiaque",
        "Patients et professionnels de ville écrivent ensemble le parcours de l'insuffisance cardiaque sur le territoire.",
        "organisation-des-soins",
        ["parcours de soins", "coordination"],
        "CPTS des Hautes-Pyrénées (exemple)",
        "cpts",
        "65",
        "Tarbes",
        2024,
        None,
        "en-projet",
        "collaboration",
        "meso",
        ["ressource", "asso"],
        ["Identifier les ruptures entre ville et hôpital", "Co-écrire un carnet de suivi"],
        "Réunir des professionnels libéraux et des patients impose des réunions en soirée.",
    ),
    (
        "auch-msp-etp",
        "Éducation thérapeutique de proximité dans une maison de santé",
        "Une maison de santé rurale monte avec des patients un programme d'ETP sur l'hypertension.",
        "soins",
        ["ETP"],
        "Maison de santé pluriprofessionnelle du Gers (exemple)",
        "msp",
        "32",
        "Auch",
        2023,
        None,
        "en-cours",
        "partenariat",
        "micro",
        ["formateur", "ressource"],
        ["Co-concevoir quatre séances", "Proposer des séances près du domicile"],
        "Le transport reste le premier frein : des séances itinérantes sont à l'étude.",
    ),
    (
        "foix-signaletique",
        "Un hôpital de proximité plus facile à trouver",
        "Des usagers testent les trajets entre le parking, l'accueil et les consultations pour revoir la signalétique.",
        "organisation-des-soins",
        ["signalétique", "bâtiment"],
        "Centre hospitalier du Val d'Ariège",
        "ch",
        "09",
        "Foix",
        2024,
        None,
        "en-cours",
        "consultation",
        "meso",
        ["ru"],
        ["Réaliser cinq parcours commentés", "Prioriser les panneaux à changer"],
        "Les usagers ont aussi signalé l'éclairage des couloirs, hors du périmètre de départ.",
    ),
    (
        "mende-comite-usagers",
        "Un comité des usagers associé au projet d'établissement",
        "Un hôpital rural associe ses représentants des usagers à l'écriture de son projet d'établissement.",
        "gouvernance",
        ["gouvernance"],
        "Centre hospitalier de Mende",
        "ch",
        "48",
        "Mende",
        2023,
        2024,
        "termine",
        "collaboration",
        "macro",
        ["ru", "asso"],
        ["Associer les usagers aux groupes de travail", "Intégrer leurs propositions au projet"],
        "Les représentants des usagers ont demandé une formation courte au vocabulaire hospitalier.",
    ),
    (
        "montauban-formation-aides-soignants",
        "Former les aides-soignants avec des patients",
        "Des patients et des proches interviennent dans la formation des aides-soignants sur la bientraitance.",
        "enseignement",
        ["formation", "relation de soin"],
        "Institut de formation d'aides-soignants de Montauban",
        "formation",
        "82",
        "Montauban",
        2022,
        None,
        "en-cours",
        "collaboration",
        "meso",
        ["formateur", "proche"],
        ["Co-animer trois séances sur la bientraitance", "Évaluer l'évolution des représentations des élèves"],
        "Les élèves ont jugé ces séances plus marquantes que les cours théoriques.",
    ),
    (
        "carcassonne-recherche-douleur",
        "Douleur chronique : une enquête co-construite avec des patients",
        "Une équipe douleur et des patients élaborent ensemble un questionnaire sur le vécu des traitements.",
        "recherche",
        ["recherche participative", "douleur"],
        "Centre hospitalier de Carcassonne",
        "ch",
        "11",
        "Carcassonne",
        2024,
        None,
        "en-projet",
        "consultation",
        "meso",
        ["chercheur", "asso"],
        ["Co-écrire le questionnaire", "Tester sa compréhension auprès de patients"],
        "Le comité d'éthique a demandé de préciser le rôle des patients dans l'analyse des réponses.",
    ),
    (
        "toulouse-oncopole-patients-chercheurs",
        "Des patients chercheurs dans un essai sur l'activité physique",
        "Des patients participent à la conception d'un essai évaluant l'activité physique pendant les traitements.",
        "recherche",
        ["recherche participative", "activité physique"],
        "IUCT-Oncopole, Toulouse",
        "recherche",
        "31",
        "Toulouse",
        2023,
        None,
        "en-cours",
        "partenariat",
        "macro",
        ["chercheur"],
        ["Choisir avec les patients les critères de jugement", "Rédiger la note d'information en langage clair"],
        "Les critères choisis par les patients (fatigue, sommeil) ont complété ceux de l'équipe.",
    ),
    (
        "montpellier-universite-patients-enseignants",
        "Des patients enseignants en faculté de médecine",
        "Des patients enseignants interviennent dans l'enseignement de la relation médecin-patient.",
        "enseignement",
        ["formation", "relation de soin"],
        "Faculté de médecine de Montpellier-Nîmes",
        "formation",
        "34",
        "Montpellier",
        2020,
        None,
        "en-cours",
        "partenariat",
        "macro",
        ["formateur"],
        ["Intégrer des patients enseignants à chaque promotion", "Co-évaluer les étudiants en simulation"],
        "Reconnaître les patients enseignants (statut, rémunération) conditionne la durée du projet.",
    ),
    (
        "beziers-aidants-ehpad",
        "Accueillir les proches à l'entrée en établissement",
        "Des familles et une équipe d'EHPAD construisent un accueil des proches pour les premières semaines.",
        "soins",
        ["aidants", "accueil"],
        "EHPAD de Béziers (exemple)",
        "esms",
        "34",
        "Béziers",
        2023,
        2024,
        "termine",
        "information",
        "micro",
        ["proche"],
        ["Remettre un livret aux proches", "Organiser un entretien à un mois"],
        "Commencer par l'information a permis d'ouvrir ensuite la discussion sur une vraie collaboration.",
    ),
    # --- Elsewhere ------------------------------------------------------------------------------------
    (
        "dijon-representants-usagers",
        "Former les représentants des usagers en réseau régional",
        "Une association régionale organise avec des établissements un parcours de formation des représentants.",
        "gouvernance",
        ["gouvernance", "formation"],
        "France Assos Santé Bourgogne-Franche-Comté",
        "association",
        "21",
        "Dijon",
        2022,
        None,
        "en-cours",
        "information",
        "macro",
        ["ru", "asso"],
        ["Proposer un cycle de formation annuel", "Mettre en réseau les représentants d'un même territoire"],
        "Les nouveaux représentants ont d'abord besoin de repères sur le fonctionnement des instances.",
    ),
]

TEAM = {
    "professionnel": ["médecin du service", "cadre de santé", "infirmière coordinatrice", "chargée de mission qualité"],
}
KIND_OF_ROLE = {
    "patient-ressource": ("patient", "patient partenaire ressource"),
    "pair-aidant": ("patient", "pair-aidant formé"),
    "patient-formateur": ("patient", "patient formateur"),
    "patient-chercheur": ("patient", "patient chercheur"),
    "patient-coach": ("patient", "patient coach"),
    "representant-usagers": ("representant", "représentant des usagers"),
    "membre-association": ("patient", "membre d'une association de patients"),
    "proche-aidant": ("proche", "proche-aidant partenaire"),
}
TESTIMONIES = [
    (
        "On ne me demandait pas de raconter ma maladie, on me demandait ce qui, dans le service, pouvait changer.",
        "Patiente partenaire (témoignage fictif)",
    ),
    (
        "J'avais peur que cela nous ralentisse. En fait, nous avons évité deux fausses bonnes idées dès le départ.",
        "Cadre de santé (témoignage fictif)",
    ),
    (
        "Être invité au même titre que les professionnels, avec l'ordre du jour à l'avance, cela change tout.",
        "Représentant des usagers (témoignage fictif)",
    ),
    (
        "Mon expérience d'aidante avait enfin une utilité pour d'autres familles.",
        "Proche-aidante partenaire (témoignage fictif)",
    ),
    (
        "Le patient partenaire posait les questions que nous ne nous posions plus.",
        "Médecin du service (témoignage fictif)",
    ),
]


def _paragraph(*texts):
    return ("paragraph", "".join(f"<p>{t}</p>" for t in texts))


def build_body(i, item):
    (
        _slug,
        _title,
        _summary,
        _domain,
        themes,
        structure,
        _stype,
        _dept,
        _town,
        start,
        end,
        status,
        degree,
        _scale,
        roles,
        objectives,
        lesson,
    ) = item
    role_values = [R[r] for r in roles]
    members = [
        {"kind": "professionnel", "role": TEAM["professionnel"][i % 4], "count": 1 + i % 3},
        {"kind": "professionnel", "role": TEAM["professionnel"][(i + 1) % 4], "count": 1},
    ]
    for n, role in enumerate(role_values):
        kind, label = KIND_OF_ROLE[role]
        members.append({"kind": kind, "role": label, "count": 1 + (i + n) % 3})
    steps = [
        {
            "title": "Diagnostic partagé",
            "period": str(start),
            "text": "Entretiens et réunions pour décrire la situation de départ avec les personnes concernées.",
        },
        {
            "title": "Co-construction des actions",
            "period": str(start if status == "en-projet" else start + (1 if end != start else 0)),
            "text": "Ateliers réunissant professionnels et partenaires pour choisir les actions et leur calendrier.",
        },
    ]
    if status != "en-projet":
        steps.append(
            {
                "title": "Mise en œuvre et évaluation",
                "period": str(end or "en cours"),
                "text": "Actions testées, ajustées puis évaluées avec les critères définis ensemble.",
            }
        )
    indicators = [
        {
            "label": "Partenaires associés au projet (patients, proches, usagers)",
            "value": str(2 + i % 5),
            "unit": "personnes",
        },
        {"label": "Réunions de travail communes", "value": str(6 + (i * 3) % 11), "unit": "réunions"},
    ]
    if status == "termine":
        indicators.append(
            {"label": "Participants satisfaits de la démarche", "value": str(70 + (i * 7) % 26), "unit": "%"}
        )
    if "proche" in roles:
        quote, author = TESTIMONIES[3]
    elif "ru" in roles and i % 2:
        quote, author = TESTIMONIES[2]
    else:
        quote, author = TESTIMONIES[(0, 1, 4)[i % 3]]
    return [
        _paragraph(
            f"Porté par {structure}, ce projet relève du degré « {degree} » du continuum de l'engagement : "
            + {
                "information": "les patients et les proches reçoivent une information construite pour eux.",
                "consultation": "l'avis des personnes concernées est recueilli avant de décider.",
                "collaboration": "patients et professionnels travaillent ensemble sur les actions.",
                "partenariat": "les décisions sont prises ensemble, du diagnostic à l'évaluation.",
            }[degree]
        ),
        ("objectives", {"title": "Objectifs", "items": objectives}),
        ("team", {"title": "L'équipe projet", "members": members}),
        ("steps", {"title": "Les étapes", "steps": steps}),
        (
            "indicators",
            {
                "title": "Résultats et indicateurs d'évaluation",
                "indicators": indicators,
                "note": "Chiffres inventés pour l'exemple",
            },
        ),
        ("testimony", {"quote": quote, "author_role": author, "author_name": ""}),
        ("callout", {"kind": "vigilance", "title": "Enseignement du projet", "text": f"<p>{lesson}</p>"}),
    ]


def ensure_domain_intros():
    for domain in Domain.objects.filter(slug__in=DOMAIN_INTROS, intro=""):
        domain.intro = DOMAIN_INTROS[domain.slug]
        domain.save(update_fields=["intro"])


def ensure_index(home):
    index, _ = upsert_child(
        home,
        ProjectIndexPage,
        "projets",
        title="Projets accompagnés",
        intro=INDEX_INTRO,
        show_in_menus=True,
        seo_title="Projets accompagnés en partenariat avec les patients",
        search_description="Des projets menés avec des patients partenaires, par domaine, territoire et degré d'engagement.",
        map_intro=(
            "Chaque département de la région est teinté selon le nombre de projets accompagnés et porte ce nombre. "
            "Choisissez un département pour voir ses projets ; le tableau donne les mêmes chiffres, projets hors région compris."
        ),
        proposal_intro=(
            "Votre équipe mène un projet avec des patients, des proches-aidants ou des représentants des usagers ? "
            "Décrivez-le en quelques minutes : l'équipe éditoriale le relira et vous contactera avant toute publication."
        ),
    )
    return index


def _without_ids(value):
    """Stored StreamField data without block ids (nested ListBlock items get
    fresh random ids each time, which home.demo_utils does not strip)."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _body_changed(page, body):
    field = ProjectPage._meta.get_field("body")
    stored = field.get_prep_value(page.body)
    wanted = field.get_prep_value(field.to_python(body))
    return _without_ids(stored) != _without_ids(wanted)


def sheet_slugs(item):
    """Tool sheets of the resources demo that fit a project (at most two)."""
    domain, themes, status, roles = item[3], item[4], item[11], item[14]
    slugs = []
    if "pair-aidance" in themes:
        slugs.append("le-patient-accompagnateur")
    if domain == "gouvernance":
        slugs.append("engager-la-structure-en-quatre-etapes")
    if "ru" in roles and item[6] in ("cpts", "dac"):
        slugs.append("representants-des-usagers-en-cpts-et-dac")
    if domain == "soins" and "ETP" in themes:
        slugs.append("se-situer-dans-la-relation-de-soin")
    slugs.append(
        {"termine": "evaluer-un-projet-en-partenariat", "en-projet": "demarrer-un-projet-en-partenariat"}.get(
            status, "freins-et-leviers-selon-la-has"
        )
    )
    return slugs[:2]


def ensure_project(index, i, item, domains, sheets):
    (
        slug,
        title,
        summary,
        domain,
        themes,
        structure,
        stype,
        dept,
        town,
        start,
        end,
        status,
        degree,
        scale,
        roles,
        _objectives,
        _lesson,
    ) = item
    body = build_body(i, item)
    existing = ProjectPage.objects.child_of(index).filter(slug=slug).first()
    extra = {"body": body} if existing is None or _body_changed(existing, body) else {}
    page, _created = upsert_child(
        index,
        ProjectPage,
        slug,
        **extra,
        title=title,
        summary=summary,
        domain=domains[domain],
        is_illustrative=True,
        structure_name=structure,
        structure_type=stype,
        department_code=dept,
        region_code=geo.region_of(dept),
        town=town,
        start_year=start,
        end_year=end,
        status=status,
        engagement_degree=degree,
        engagement_scale=scale,
    )
    wanted_roles = [R[r] for r in roles]
    wanted_sheets = [sheets[slug] for slug in sheet_slugs(item) if slug in sheets]
    changed = False
    if [link.sheet_id for link in page.related_sheets.all()] != [sheet.pk for sheet in wanted_sheets]:
        page.related_sheets = [ProjectRelatedSheet(sheet=sheet) for sheet in wanted_sheets]
        changed = True
    if sorted(t.name for t in page.tags.all()) != sorted(themes):
        page.tags.set(themes)
        changed = True
    if [r.role for r in page.partner_roles.all()] != wanted_roles:
        page.partner_roles = [ProjectPartnerRole(role=role) for role in wanted_roles]
        changed = True
    if changed:
        page.save_revision().publish()
    return page


def load(command):
    from home.demo import ensure_domains, ensure_pillars

    ensure_domains()
    ensure_domain_intros()
    home = get_home()
    index = ensure_index(home)
    # The home page's pillar pointed at the placeholder this index replaced.
    ensure_pillars(home)
    domains = {d.slug: d for d in Domain.objects.all()}
    sheets = {sheet.slug: sheet for sheet in ToolSheetPage.objects.live()}
    for i, item in enumerate(PROJECTS):
        ensure_project(index, i, item, domains, sheets)
