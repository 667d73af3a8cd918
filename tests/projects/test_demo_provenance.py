"""An honest demo: every demo project naming a structure says where it comes
from. A project "d'après les documents sources" names a real structure only as
a source document does (its own line is kept in the file as `seed_excerpt`),
with nothing invented on its page; any other project uses a fictional
structure, "(fictif)" in its name. Reads the demo's files, not the database."""

import os
import re
import tomllib
import unicodedata
from pathlib import Path

from django.conf import settings

from core import geo

PAGES = Path(settings.BASE_DIR) / "demo" / "projects" / "pages"
# The working group's source documents (text), when they are on the machine.
SEEDS = Path(os.environ.get("PORTAL_SEEDS_DIR", "/work/shared/seeds"))
INVENTED_BLOCKS = {"testimony", "indicators", "steps", "team", "objectives"}


def projects():
    return {file.stem: tomllib.loads(file.read_text()) for file in sorted(PAGES.glob("*.toml"))}


def norm(text):
    """Lower case, no accents, no spaces nor punctuation: "Pitié- Salpêtrière" == "pitiesalpetriere"."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def test_every_project_naming_a_structure_has_a_provenance():
    found = projects()
    assert len(found) >= 20
    for slug, data in found.items():
        assert data.get("structure_name"), slug
        assert data.get("provenance") in {"sources", "fictif"}, slug


def test_fictional_projects_use_fictional_structures():
    for slug, data in projects().items():
        if data["provenance"] == "fictif":
            assert "(fictif)" in data["structure_name"], slug
            assert not data.get("town"), f"{slug}: a fictional structure has no real town"


def test_sourced_projects_name_their_source_and_invent_nothing():
    seeds = norm(" ".join(f.read_text() for f in sorted(SEEDS.glob("*.txt")))) if SEEDS.is_dir() else None
    sourced = {slug: data for slug, data in projects().items() if data["provenance"] == "sources"}
    assert sourced
    for slug, data in sourced.items():
        assert data.get("provenance_source"), slug
        excerpt, structure = data["seed_excerpt"], data["seed_structure"]
        # The structure, as the source spells it, is the one the page names, on the source's line.
        assert norm(structure) in norm(excerpt), slug
        assert norm(structure) in norm(data["structure_name"]), slug
        if seeds is not None:
            assert norm(excerpt) in seeds, f"{slug}: {excerpt!r} is not in the source documents"
        kinds = {block["type"] for block in data.get("body", [])}
        assert not kinds & INVENTED_BLOCKS, f"{slug}: invented blocks {kinds & INVENTED_BLOCKS}"
        assert "start_year" not in data and "end_year" not in data, slug


def test_mostly_occitanie_and_other_regions_say_so():
    found = projects()
    elsewhere = {slug: d for slug, d in found.items() if geo.region_of(d["department_code"]) != "76"}
    assert len(elsewhere) < len(found) / 2
    for slug, data in elsewhere.items():
        texts = " ".join(str(block.get("text", "")) for block in data.get("body", []))
        assert "autre région" in texts, f"{slug} does not say it is an example from another region"


def test_the_project_page_no_longer_says_the_structure_is_real():
    template = Path(settings.BASE_DIR) / "projects" / "templates" / "projects" / "project_page.html"
    assert "la structure est réelle" not in template.read_text()
