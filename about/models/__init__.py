from .pages import AboutPage, AccessibilityStatementPage, KeyFiguresPage, LegalNoticePage, PartnerGuidePage
from .snippets import CoPilot, Contributor

__all__ = [
    "AboutPage",
    "AccessibilityStatementPage",
    "CoPilot",
    "Contributor",
    "KeyFiguresPage",
    "LegalNoticePage",
    "PartnerGuidePage",
]
