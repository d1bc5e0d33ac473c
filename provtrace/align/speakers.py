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
from provtrace.align.normalize import features

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
