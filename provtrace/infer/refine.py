"""Rearranging the derivation tree by the changes versions inherit (see lineage for the evidence).

For each child c of b (itself a child of a), until nothing moves: c goes up
to a when it does not carry b's changes; c and b swap places when b carries
c's changes rather than the reverse; c goes under a sibling whose changes it
carries. Each move leaves a sentence of evidence quoting the words at stake.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from provtrace.align.normalize import normalize, stem
from provtrace.infer.lineage import MARK, Inheritance, Pairs, Profile, inheritance, sentence_mark
from provtrace.models import Article, LinkKind
from provtrace.wording import plural, possessive


def _what(
    article: Article, stems_and_marks: frozenset[str], weights: Profile, pairs: Pairs, n: int = 3
) -> str:
    """Count and quote the article's words and sentences that have the given keys.

    A few, rarest first, are quoted as the article spells them.
    """
    keys = sorted(stems_and_marks, key=lambda k: (-weights[k], k))
    stems = [k for k in keys if not k.startswith(MARK)]
    marks = [k for k in keys if k.startswith(MARK)]
    parts = [plural(len(stems), "word")] if stems else []
    if marks:
        parts.append(plural(len(marks), "sentence") + " word for word")
    found: dict[str, str] = {}
    wanted = set(stems[:n]) | set(marks[: max(0, n - len(stems))])
    for sentence, sentence_stems in zip(article.sentences, pairs.stems(article), strict=True):
        if wanted.isdisjoint(sentence_stems) and not marks:
            continue
        mark = sentence_mark(sentence_stems)
        if mark in wanted and mark not in found:
            found[mark] = sentence.text if len(sentence.text) <= 60 else sentence.text[:59] + "…"
        for token in normalize(sentence.text).split():
            key = stem(token)
            if key in wanted and key not in found:
                found[key] = token
    shown = [f"“{found[k]}”" for k in [*stems, *marks] if k in found][:n]
    more = len(keys) - len(shown)
    return " and ".join(parts) + f" ({', '.join(shown)}{f' and {more} more' if more > 0 else ''})"


def changes(pairs: Pairs, by_id: Mapping[str, Article], a: str, b: str) -> int:
    """How many edits b made to a's text (a large number if they are not aligned).

    A sentence added or dropped is one edit; within a reworded sentence, each
    word swapped, inserted or dropped is one.
    """
    ab = pairs.oriented(a, b)
    if ab is None:
        return 1 << 30
    words_a, words_b = pairs.words(by_id[a]), pairs.words(by_id[b])
    total = len(ab.added) + len(ab.dropped)
    for link in ab.links:
        if link.kind is not LinkKind.VERBATIM:
            before = frozenset().union(*(words_a[i] for i in link.source))
            after = frozenset().union(*(words_b[j] for j in link.target))
            total += max(len(before - after), len(after - before))
    return total


def _first(
    inherit: Callable[[str, str, str], Inheritance],
    count: Callable[[str, str], int],
    earlier: Callable[[str, str], bool],
    a: str,
    x: str,
    y: str,
) -> tuple[str, Inheritance] | None:
    """Of x and y, two versions descending from a, the one the other came through.

    They are in one line when one carries the changes the other made to a.
    Shared changes are shared both ways; the later version is the one that
    also lost wording of a the other kept (it made changes of its own on
    top), failing that the one that made more edits to a, failing that the
    one the other evidence of direction puts later. Returns the earlier one
    and what the later inherits from it, or None when neither carries the
    other's changes or nothing tells them apart.
    """
    y_after_x = inherit(a, x, y)
    x_after_y = inherit(a, y, x)
    if not (y_after_x.through or x_after_y.through):
        return None
    x_key = (y_after_x.kept, count(a, x), not earlier(x, y))
    y_key = (x_after_y.kept, count(a, y), not earlier(y, x))
    if x_key < y_key and y_after_x.through:
        return x, y_after_x
    if y_key < x_key and x_after_y.through:
        return y, x_after_y
    return None


@dataclass(frozen=True, slots=True)
class _Texts:
    """What evidence sentences quote from: the articles, their profiles, their sentences' stems."""

    by_id: Mapping[str, Article]
    profiles: Mapping[str, Profile]
    pairs: Pairs

    def what(self, article: str, stems_and_marks: frozenset[str]) -> str:
        return _what(self.by_id[article], stems_and_marks, self.profiles[article], self.pairs)

    def identical(self, x: str, y: str) -> bool:
        """Whether the story texts of x and y are the same sentence for sentence."""
        one, other = self.by_id[x].sentences, self.by_id[y].sentences
        return len(one) == len(other) and all(s.text == t.text for s, t in zip(one, other, strict=True))


def _came_through(c: str, b: str, a: str, found: Inheritance, texts: _Texts) -> str:
    if texts.identical(c, b):
        # Shared changes put the two in one line, but say nothing of which came first.
        return (
            f"{c} carries {texts.what(b, found.carried_stems)} that {b} has where {a} has not, so one "
            f"of {c} and {b} came through the other: their story texts are identical, so which came "
            "first cannot be told"
        )
    return (
        # Said of the texts as they are ("b has where a has not"), not as b's changes to a: the
        # order of a and b may be unknown, and c hangs from b either way.
        f"{c} carries {texts.what(b, found.carried_stems)} that {b} has where {a} has not"
        + (
            f" and far less of {possessive(a)} wording where {b} differs ({len(found.kept_stems)})"
            if found.kept_stems
            else f" and none of {possessive(a)} wording where {b} differs"
        )
        + f", so it came through {b}"
    )


def _lift(
    c: str,
    b: str,
    a: str,
    found: Inheritance,
    texts: _Texts,
) -> str | None:
    """Why c, a child of b, comes from b's parent a directly; None if it does not."""
    if found.around:
        return (
            f"{c} keeps {texts.what(a, found.kept_stems)} of {a} where {b} differs"
            + (
                f" and far less of {possessive(b)} own ({len(found.carried_stems)})"
                if found.carried_stems
                else f" and none of {possessive(b)} own changes"
            )
            + f", so it comes from {a} directly"
        )
    if not found.carried:
        return (
            f"{c} carries none of the words or sentences {b} has where {a} has not, so nothing "
            f"shows it came through {b} (a version of {a}): it is taken to come from {a} directly"
        )
    return None


class _Refiner:
    """The tree being rearranged, and the evidence of inheritance, worked out once per triple and pair."""

    def __init__(
        self,
        parent_of: dict[str, str],
        pairs: Pairs,
        by_id: Mapping[str, Article],
        earlier: Callable[[str, str], bool],
        may_follow: Callable[[str, str], bool],
    ) -> None:
        self.parent_of = parent_of
        self.pairs = pairs
        self.by_id = by_id
        self.earlier = earlier
        self.may_follow = may_follow
        self.texts = _Texts(by_id, pairs.profiles, pairs)
        self.moved: dict[str, tuple[str, bool]] = {}
        self.children: dict[str, set[str]] = {}
        for child, parent in parent_of.items():
            self.children.setdefault(parent, set()).add(child)
        # The evidence does not change as the tree does.
        self._inherited: dict[tuple[str, str, str], Inheritance] = {}
        self._changes: dict[tuple[str, str], int] = {}
        #: Children to look at again: their parent, grandparent or siblings changed.
        self.again: set[str] = set()

    def inherit(self, a: str, b: str, c: str) -> Inheritance:
        if (a, b, c) not in self._inherited:
            self._inherited[a, b, c] = inheritance(self.pairs.profiles, a, b, c)
        return self._inherited[a, b, c]

    def count(self, a: str, b: str) -> int:
        if (a, b) not in self._changes:
            self._changes[a, b] = changes(self.pairs, self.by_id, a, b)
        return self._changes[a, b]

    def first(self, a: str, x: str, y: str) -> tuple[str, Inheritance] | None:
        return _first(self.inherit, self.count, self.earlier, a, x, y)

    def move(self, child: str, parent: str, evidence: str, inherited: bool) -> None:
        before = self.parent_of[child]
        self.children[before].discard(child)
        self.children.setdefault(parent, set()).add(child)
        self.parent_of[child] = parent
        self.moved[child] = (evidence, inherited)
        self.again.update({child}, self.children.get(child, ()), self.children[before], self.children[parent])

    def _up_or_swap(self, c: str, b: str, a: str) -> bool:
        """Lift c to its grandparent a, or swap it with its parent b; whether it moved."""
        found = self.inherit(a, b, c)
        because = _lift(c, b, a, found, self.texts)
        if because is not None and self.may_follow(c, a):
            self.move(c, a, because, found.around)
            return True
        order = self.first(a, c, b)
        if order is not None and order[0] == c and self.may_follow(c, a) and self.may_follow(b, c):
            self.move(
                c, a, f"{b} came through {c}, not the reverse (see {b})", not self.texts.identical(b, c)
            )
            self.move(b, c, _came_through(b, c, a, order[1], self.texts), not self.texts.identical(b, c))
            return True
        return False

    def _under_sibling(self, c: str, b: str) -> None:
        """Move c under the sibling whose changes it carries most, if any."""
        inherited = []
        for sibling in sorted(self.children.get(b, ())):
            if sibling == c or self.pairs.oriented(sibling, c) is None:
                continue
            order = self.first(b, sibling, c)
            if order is not None and order[0] == sibling and self.may_follow(c, sibling):
                inherited.append((order[1].carried - order[1].kept, sibling, order[1]))
        if inherited:
            _, sibling, found = max(inherited, key=lambda item: (item[0], item[1]))
            self.move(
                c,
                sibling,
                _came_through(c, sibling, b, found, self.texts),
                not self.texts.identical(c, sibling),
            )

    def visit(self, c: str) -> None:
        """Rearrange around one child c of b (itself perhaps a child of a)."""
        b = self.parent_of[c]
        if b not in self.by_id:
            return
        a = self.parent_of.get(b)
        related = a is not None and a in self.by_id and self.pairs.oriented(a, c) is not None
        if related and a is not None and self._up_or_swap(c, b, a):
            return
        self._under_sibling(c, b)

    def confirm_stayed(self) -> None:
        """Give evidence for children that stayed where they carry their parent's changes."""
        for c in sorted(self.parent_of):
            b = self.parent_of[c]
            a = self.parent_of.get(b)
            if c not in self.moved and b in self.by_id and a is not None and a in self.by_id:
                found = self.inherit(a, b, c)
                if found.through:
                    self.moved[c] = (
                        _came_through(c, b, a, found, self.texts),
                        not self.texts.identical(c, b),
                    )


def refine(
    parent_of: dict[str, str],
    pairs: Pairs,
    by_id: Mapping[str, Article],
    earlier: Callable[[str, str], bool],
    may_follow: Callable[[str, str], bool] = lambda child, parent: True,
) -> dict[str, tuple[str, bool]]:
    """Rearrange the tree by the changes versions inherit from one another.

    For each child c of b (itself a child of a), in turn until nothing moves:
    c goes up to a when it does not carry b's changes (see _lift); c and b
    swap places when b carries c's changes rather than the reverse; c goes
    under a sibling whose changes it carries. earlier(x, y) says whether the
    other evidence puts x before y; no move puts a child under a parent that
    may_follow(child, parent) refuses (evidence read outside the texts' shared
    wording puts the child first). Returns, for each child given a new parent
    or kept under one whose changes it carries, a sentence of evidence and
    whether that rests on inherited words.
    """
    refiner = _Refiner(parent_of, pairs, by_id, earlier, may_follow)
    todo = set(parent_of)
    for _ in range(len(parent_of)):
        for c in sorted(todo):
            refiner.visit(c)
        if not refiner.again:  # nothing moved
            break
        todo, refiner.again = refiner.again, set()
    refiner.confirm_stayed()
    return refiner.moved
