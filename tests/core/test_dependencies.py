"""Every runtime dependency is pinned exactly (dependencies of dependencies
too, compiled from requirements.in by `make upgrade`), and the environment
the tests run in is the pinned one."""

import re
from importlib import metadata
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]+\])?==([^\s;#]+)$")


def requirement_lines(name):
    lines = (BASE_DIR / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith(("#", "-r "))]


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(name):
    result = {}
    for line in requirement_lines(name):
        match = PIN.match(line)
        assert match, f"{name}: not pinned exactly: {line!r}"
        result[normalise(match.group(1))] = match.group(3)
    return result


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-opensearch.txt", "requirements-dev.txt"):
        assert pins(name), name


def test_every_direct_dependency_is_compiled_into_the_pins():
    pinned = pins("requirements.txt")
    for line in requirement_lines("requirements.in"):
        package = normalise(re.split(r"[\[<>=!~ ;]", line, maxsplit=1)[0])
        assert package in pinned, f"{package} (requirements.in) is missing from requirements.txt: run make lock"
    assert "django" in pinned and "wagtail" in pinned


def test_the_installed_versions_are_the_pinned_ones():
    for package, version in pins("requirements.txt").items():
        assert metadata.version(package) == version, package
