"""The directory's CSV exports use the shared helpers (core/csvutils.py)."""

from core.csvutils import FORMULA_PREFIXES, safe_cell, to_csv

__all__ = ["FORMULA_PREFIXES", "safe_cell", "to_csv"]
