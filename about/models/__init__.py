from .pages import AboutPage, AccessibilityStatementPage, KeyFiguresPage, LegalNoticePage, PartnerGuidePage
from .snippets import Contributor, CoPilot

__all__ = [
    "AboutPage",
    "AccessibilityStatementPage",
    "CoPilot",
    "Contributor",
    "KeyFiguresPage",
    "LegalNoticePage",
    "PartnerGuidePage",
]
