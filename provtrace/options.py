"""TraceOptions: the one home of the pipeline's tunable defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TraceOptions:
    """Settings for one run of the pipeline.

    Thresholds are on a 0..1 scale.
    """

    #: A sentence pair scoring at least this is linked at all.
    link_threshold: float = 0.5
    #: Normalised character similarity at or above which a link that is not
    #: verbatim (identical but for case, quotes, dashes and spacing) is "altered"
    #: (same sentence with edits); below it a link is a paraphrase.
    altered_threshold: float = 0.72
    #: Two articles are related when at least this many sentences link (or one
    #: verbatim or altered link, see align.corpus.is_related) ...
    min_shared_sentences: int = 2
    #: ... and the linked sentences cover at least this share of the shorter one.
    min_shared_share: float = 0.2
    #: Include an alignment for every related pair, not only tree edges.
    all_pairs: bool = False
    #: Use sentence embeddings (the optional semantic extra) as well as words.
    semantic: bool = False
    #: Processes for aligning pairs: 0 picks one per core (up to 8) for large runs.
    #: The output is identical whatever the number.
    workers: int = 0
    #: Address of a Dask scheduler ("tcp://host:8786") to run reading and aligning
    #: on a cluster instead (needs provtrace[distributed]); None runs locally.
    #: The output is identical either way.
    scheduler: str | None = None
    #: Cosine similarity of sentence embeddings below which meaning adds nothing.
    semantic_threshold: float = 0.65
