"""One vocabulary of partner roles: every role of the directory (and of the
projects) is defined by a term of the lexicon, and every role-like term of the
lexicon leads to a role a person can register under in the directory."""

import tomllib
from pathlib import Path

from django.conf import settings

from core.vocabulary import LEXICON_ROLE_TERMS, ROLE_LEXICON_TERMS, PartnerRole
from directory.forms import RegistrationForm

LEXICON = Path(settings.BASE_DIR) / "demo" / "resources" / "lexicon.toml"


def lexicon_slugs():
    return {term["slug"] for term in tomllib.loads(LEXICON.read_text())["terms"]}


def test_every_directory_role_is_defined_in_the_lexicon():
    assert set(ROLE_LEXICON_TERMS) == set(PartnerRole.values)
    assert set(ROLE_LEXICON_TERMS.values()) <= lexicon_slugs()


def test_every_lexicon_role_is_usable_in_the_directory():
    registrable = {value for value, _label in RegistrationForm.base_fields["roles"].choices}
    assert set(LEXICON_ROLE_TERMS) <= lexicon_slugs()
    for slug, role in LEXICON_ROLE_TERMS.items():
        assert role in registrable, slug
    # Terms naming a kind of patient partner are all mapped to a role.
    role_like = {s for s in lexicon_slugs() if s.startswith(("patient-", "pair-", "mediateur-", "proche-"))}
    assert role_like - {"patient-partenaire", "patient-traceur"} <= set(LEXICON_ROLE_TERMS)
