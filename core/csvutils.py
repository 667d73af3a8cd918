"""CSV helpers for every export: spreadsheet formula injection neutralised.

A spreadsheet runs a cell as a formula when it starts with = + - @ (or their
full-width forms), also after leading spaces, tabs or line breaks, and some
treat a leading tab or carriage return specially: such a cell gets a leading
apostrophe, so that it shows as text.
"""

import csv
import io

FORMULA_CHARS = "=+-@\uff1d\uff0b\uff0d\uff20"
FORMULA_PREFIXES = tuple(FORMULA_CHARS) + ("\t", "\r", "\n")


def safe_cell(value):
    """A cell that a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES) or text.lstrip()[:1] in tuple(FORMULA_CHARS):
        return "'" + text
    return text


def safe_row(values):
    return [safe_cell(value) for value in values]


def to_csv(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(safe_row(header))
    for row in rows:
        writer.writerow(safe_row(row))
    return "\ufeff" + buffer.getvalue()
