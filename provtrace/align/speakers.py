"""Who is speaking is not what is said: the words that only name or describe a sentence's speaker.

In "John Doe, a professor at the Naval Academy, said the effort worked" the
claim is that the effort worked. Another sentence that shares only the
speaker's name and title restates none of its claims. So when the aligner
asks how much of a sentence is explained by the sentences linked to it (a
merge, a split, a gap filled), these words are left out of what there is to
explain. Only the common English shapes are recognised (a speaker, perhaps
described between commas, and a speech verb opening the sentence; or a speaker
and speech verb closing it after a comma); in any other
sentence every word counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from provtrace.align.features import Prepared
from provtrace.align.normalize import features, fold

#: Verbs that introduce what a speaker said.
_SPEECH = (
    r"(?:said|says|told|observed|noted|added|argued|wrote|explained|warned|cautioned"
    r"|stated|asserted|acknowledged|insisted|predicted|recalled|emphasi[sz]ed)"
)
#: A name: one to four capitalised words.
_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*"
#: A description set off by commas ("a professor at the Naval Academy"): no clause breaks or quotes.
_DESCRIPTION = r"[^,;:“”\"]{1,200}?"
#: "Name, description, said ..." or "Name said ..." opening a sentence.
_OPENING = re.compile(rf"^\s*{_NAME}(?:,\s+{_DESCRIPTION},)?\s+{_SPEECH}\b")
#: "..., Name said." or "...,” said Name." closing a sentence (a description after the name
#: could not be told from a clause that goes on with the story).
_CLOSING = re.compile(rf",[”\"’]?\s*(?:{_NAME}\s+{_SPEECH}|{_SPEECH}\s+{_NAME})\s*[.!?]?\s*$")


def speaker_stems(text: str) -> frozenset[str]:
    """The content stems of text that only name or describe its speaker (used nowhere else in it)."""
    spans = [m.span() for m in (_OPENING.match(text), _CLOSING.search(text)) if m is not None]
    if not spans:
        return frozenset()
    rest, said = text, []
    for start, end in sorted(spans, reverse=True):
        said.append(rest[start:end])
        rest = f"{rest[:start]} {rest[end:]}"
    claim = set(features(rest).distinct)
    return frozenset(s for part in said for s in features(part).distinct if s not in claim)


@dataclass(frozen=True, slots=True)
class Claims:
    """The sentences of one prepared article as what they claim: bags without their speakers.

    Worked out for a sentence when first asked (only the few sentences a
    merge, split or gap is weighed against are).
    """

    prepared: Prepared
    _known: dict[int, dict[str, float]] = field(default_factory=dict)

    def bag(self, k: int) -> dict[str, float]:
        """Sentence k's weighted stems, less those that only name or describe its speaker."""
        found = self._known.get(k)
        if found is None:
            bag = self.prepared.bags[k]
            speaker = speaker_stems(self.prepared.article.sentences[k].text)
            found = {s: w for s, w in bag.items() if s not in speaker} if speaker else bag
            self._known[k] = found
        return found


#: Speech verbs after which a name is the speaker ("…,” said Mora): not "told", whose object
#: is the listener ("Mora told Reuters").
_SPEECH_THEN_SPEAKER = _SPEECH.replace("|told", "")
#: The name of a sentence's speaker, in the common English shapes: "Mora said", "Jose Mora, a
#: lawyer, said" (a description in lower case: "Solihull, West Midlands, told" is a place),
#: "…,” said Mora." and "according to Mora" (the name closing its clause: in "said Mora told
#: her" Mora is the one reported).
_SPEAKER_FIRST = re.compile(rf"(?<![\w'’.-])({_NAME})(?:,\s+(?=[a-z]){_DESCRIPTION},)?\s+{_SPEECH}\b")
_SPEAKER_AFTER = re.compile(rf"\b(?:{_SPEECH_THEN_SPEAKER}|according to)\s+({_NAME})(?=\s*(?:[,.;:!?]|$))")
#: Speech reported inside speech ("Owen said Mr Paton told her", "Varela, citing Reyes"): whose
#: words are quoted is unclear.
_NESTED = re.compile(rf"\b{_SPEECH}\s+(?:that\s+)?{_NAME}\s+{_SPEECH}\b|\b(?:citing|quoting|quoted)\b")
#: Capitalised words that do not name a speaker: titles, pronouns and words that open a
#: sentence, days and months, and the nouns for those who speak as a body.
_NOT_WORDS = """
    mr mrs ms miss dr prof professor sir dame lord lady rev father sister brother
    president vice prime minister secretary governor senator sen rep representative mayor
    chancellor premier king queen prince princess judge justice officer detective sergeant
    sgt inspector constable chief superintendent captain capt commander general gen colonel
    col lieutenant lt major admiral chairman chairwoman chair director spokesman spokeswoman
    spokesperson mp mep msp qc kc councillor cllr bishop archbishop pope dean
    the a an this that these those his her their its our my your but and or so yet then
    he she they it we i you who
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    police officials officers authorities witnesses prosecutors investigators doctors
    residents analysts experts sources critics lawyers scientists researchers
"""
_NOT_NAMES = frozenset(_NOT_WORDS.split())


def name_words(name: str, common: frozenset[str]) -> frozenset[str]:
    """The words of a written name that name someone (folded): not titles, pronouns, days,
    or words also written in lower case (in common)."""
    words = {fold(w) for w in re.findall(r"[^\W\d_]{2,}", name)}
    return frozenset(w for w in words if w not in _NOT_NAMES and w not in common)


def quoted_speaker(unquoted: str, common: frozenset[str]) -> str | None:
    """The name of the one speaker that the words of a sentence outside its quotations
    name, as written (its longest mention), or None when they name none or several.

    common holds the words seen in lower case in the texts compared: a capitalised word that
    is also written in lower case ("Police said") is not a name.
    """
    if _NESTED.search(unquoted):
        return None
    found: dict[str, frozenset[str]] = {}
    for pattern in (_SPEAKER_FIRST, _SPEAKER_AFTER):
        for match in pattern.finditer(unquoted):
            name = match.group(1).rstrip(".")  # the full stop after "said Mora."
            words = name_words(name, common)
            if words:
                found[name] = words
    # One speaker named twice ("Jose Mora", later "Mora") is one speaker.
    if not found or any(a.isdisjoint(b) for a in found.values() for b in found.values()):
        return None
    return max(sorted(found), key=len)
