from .contact import Compensation, ContactRequest
from .pages import DirectoryPage
from .profiles import (
    ExperienceTheme,
    Language,
    PartnerProfile,
    ProfileLanguage,
    ProfileRole,
    SignedLinkUse,
    TaggedExperienceTheme,
)

__all__ = [
    "Compensation",
    "ContactRequest",
    "DirectoryPage",
    "ExperienceTheme",
    "Language",
    "PartnerProfile",
    "ProfileLanguage",
    "ProfileRole",
    "SignedLinkUse",
    "TaggedExperienceTheme",
]
