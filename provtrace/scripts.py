"""Writing systems: the scripts written without spaces, where a sentence ends, and how many words
a line holds in any script. One copy, read by ingestion, alignment and the word diff alike."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: The characters of scripts written without spaces between words (kana, CJK ideographs).
UNSPACED_CHARACTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A run of such characters.
UNSPACED = re.compile(f"[{UNSPACED_CHARACTERS}]+")
#: The end of a sentence, in any script, with the closing quotes and brackets after it.
SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’)\]」』）]*$")
#: Characters of an unspaced run that make about one word (Chinese words are mostly of two).
_CHARACTERS_PER_WORD = 2


def word_count(line: str) -> int:
    """The words of a line, in any script: a run written without spaces counts by its characters."""
    if UNSPACED.search(line) is None:  # the common case
        return len(line.split())
    runs = UNSPACED.findall(line)
    spaced = len(UNSPACED.sub(" ", line).split())
    return spaced + sum(-(-len(run) // _CHARACTERS_PER_WORD) for run in runs)


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """A character's script, the first word of its Unicode name ("LATIN", "CYRILLIC", "HIRAGANA"),
    with the CJK ideographs (whose names begin "CJK") as "HAN"; "" for an unnamed one."""
    name = unicodedata.name(char, "")
    return "HAN" if name.startswith("CJK") else name.split(" ", 1)[0]


def word_script(word: str) -> str:
    """The script of a word's first letter, or "" for a word without letters."""
    return next((script_of(c) for c in word if c.isalpha()), "")
