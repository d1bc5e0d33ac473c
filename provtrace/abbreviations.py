"""Titles written short before a name ("Dr.", "Insp.", "Sra."): their stop ends no sentence.

One list, read by sentence splitting (ingest.sentences) and by the name flags (align.changes).
"""

from __future__ import annotations

#: Lower-cased, without the stop.
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "sgt",
        "capt", "cpl", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "pte",
        "amb", "mgr", "mme", "mlle", "sra", "srta",
    }
)  # fmt: skip
