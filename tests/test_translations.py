"""Translations of one text: siblings under their original, not one a rewrite of the other.

The texts are made up for these tests: an English report and two Spanish
translations of it written independently (one as in Spain, one as in
Mexico), and a second English translation of the Spanish one.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from provtrace.align.core import align_pair
from provtrace.check.config import CheckConfig
from provtrace.check.runner import check
from provtrace.infer.retelling import parallel
from provtrace.models import Article, Derivation, Relation, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import load_articles, trace_articles

from .helpers import article, parents

EN = [
    "The city council of Marlowe approved on Tuesday a plan to build 1,200 affordable homes on the former "
    "Brennan steelworks site.",
    "Mayor Helena Carvalho said construction would begin in March 2027 and take about four years.",
    "The project will cost 310 million euros, of which the regional government of Estrada will pay 40 percent.",
    "Opposition councillor Tomás Ribeiro voted against the plan, arguing that the soil at the site is still "
    "contaminated with heavy metals.",
    "A study by the University of Porto Alegre found lead levels three times above the legal limit in 2019.",
    "Carvalho said the cleanup, estimated at 25 million euros, was included in the budget.",
    "The Brennan steelworks closed in 2008, leaving 3,500 workers without jobs.",
    "Residents will be able to apply for the homes from January through the municipal website.",
]
ES = [
    "El ayuntamiento de Marlowe aprobó el martes un plan para construir 1.200 viviendas asequibles en los "
    "terrenos de la antigua acería Brennan.",
    "La alcaldesa, Helena Carvalho, afirmó que las obras comenzarán en marzo de 2027 y durarán unos cuatro años.",
    "El proyecto costará 310 millones de euros, de los cuales el Gobierno regional de Estrada aportará el 40 "
    "por ciento.",
    "El concejal de la oposición Tomás Ribeiro votó en contra del plan, al argumentar que el suelo de la "
    "parcela sigue contaminado con metales pesados.",
    "Un estudio de la Universidad de Porto Alegre halló en 2019 niveles de plomo tres veces superiores al "
    "límite legal.",
    "Carvalho aseguró que la descontaminación, cuyo coste se calcula en 25 millones de euros, está incluida "
    "en el presupuesto.",
    "La acería Brennan cerró en 2008 y dejó sin empleo a 3.500 trabajadores.",
    "Los vecinos podrán solicitar las viviendas a partir de enero a través de la página web municipal.",
]
MX = [
    "El concejo municipal de Marlowe aprobó el martes un proyecto para construir 1,200 viviendas de precio "
    "accesible en el predio de la antigua siderúrgica Brennan.",
    "La presidenta municipal Helena Carvalho dijo que la construcción comenzará en marzo de 2027 y tomará "
    "alrededor de cuatro años.",
    "La obra tendrá un costo de 310 millones de euros, de los cuales el gobierno regional de Estrada cubrirá "
    "el 40 por ciento.",
    "El regidor opositor Tomás Ribeiro votó en contra del plan, pues sostuvo que el terreno todavía está "
    "contaminado con metales pesados.",
    "Un estudio de la Universidad de Porto Alegre detectó en 2019 niveles de plomo tres veces superiores al "
    "límite permitido por la ley.",
    "Carvalho indicó que la limpieza del suelo, calculada en 25 millones de euros, ya forma parte del "
    "presupuesto.",
    "La siderúrgica Brennan cerró sus puertas en 2008 y 3,500 obreros perdieron su trabajo.",
    "Los habitantes podrán solicitar las casas a partir de enero en el sitio web del municipio.",
]
#: A second English translation of ES, written without EN.
EN_AGAIN = [
    "Marlowe city hall on Tuesday passed a plan to put up 1,200 affordable dwellings on the grounds of the old "
    "Brennan steel mill.",
    "Mayor Helena Carvalho stated that work will start in March 2027 and last around four years.",
    "The scheme will cost 310 million euros, with the regional government of Estrada contributing 40 percent.",
    "Tomás Ribeiro, an opposition councillor, voted against the plan, contending that the land on the plot "
    "remains contaminated with heavy metals.",
    "A University of Porto Alegre study in 2019 found lead levels three times higher than the legal limit.",
    "Carvalho insisted that decontamination, whose cost is put at 25 million euros, is included in the budget.",
    "The Brennan steel mill shut in 2008, putting 3,500 workers out of work.",
    "Local people may apply for the homes starting in January via the city's website.",
]


def _text(article_id: str, sentences: list[str], language: str, **credits: str) -> Article:
    return replace(article(article_id, sentences, **credits), language=language)


def _trace(*articles: Article, semantic: bool = False) -> Trace:
    return trace_articles(list(articles), TraceOptions(workers=1, semantic=semantic))


def _judgement(result: Trace, a: str, b: str) -> Derivation:
    found = {(r.a, r.b): r for r in result.related}
    return found[min(a, b), max(a, b)].judgement


@pytest.mark.parametrize("semantic", [False, True], ids=["default", "semantic"])
def test_two_independent_translations_hang_from_their_original_as_siblings(semantic: bool) -> None:
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"), _text("mx", MX, "es"), semantic=semantic)
    assert parents(result) == {"es": "en", "mx": "en"}
    assert {e.relation for e in result.edges} == {Relation.TRANSLATION}


def test_the_order_of_the_texts_does_not_change_which_is_the_original() -> None:
    texts = [_text("en", EN, "en"), _text("es", ES, "es"), _text("mx", MX, "es")]
    assert _trace(*texts).edges == _trace(*reversed(texts)).edges


def test_the_two_translations_are_listed_as_written_independently_and_say_why() -> None:
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"), _text("mx", MX, "es"))
    siblings = next(r for r in result.related if {r.a, r.b} == {"es", "mx"})
    assert siblings.judgement is Derivation.INDEPENDENT
    assert "both translate en" in siblings.evidence[0]
    original = next(r for r in result.related if {r.a, r.b} == {"en", "es"})
    assert original.judgement is Derivation.DERIVED
    # Each translation retells the original sentence by sentence: derived on its own showing, and
    # the two siblings' common source besides.
    assert any("retells the other sentence by sentence" in said for said in original.evidence)


def test_no_language_is_preferred_a_spanish_original_of_two_english_translations_is_found() -> None:
    result = _trace(_text("es", ES, "es"), _text("en-1", EN, "en"), _text("en-2", EN_AGAIN, "en"))
    assert parents(result) == {"en-1": "es", "en-2": "es"}
    assert _judgement(result, "en-1", "en-2") is Derivation.INDEPENDENT


def test_a_translation_copied_with_one_sentence_reworded_hangs_from_the_one_it_copies() -> None:
    copy = [
        *ES[:3],
        "El edil opositor Tomás Ribeiro se opuso al plan porque el suelo sigue contaminado.",
        *ES[4:],
    ]
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"), _text("es-copy", copy, "es"))
    assert _judgement(result, "es", "es-copy") is Derivation.DERIVED
    assert parents(result)["es-copy"] == "es"


def test_a_translation_hangs_from_its_original_not_from_an_unseen_agency_both_cite() -> None:
    result = _trace(
        _text("en", EN, "en", cites="AP"),
        _text("es", ES, "es", cites="AP"),
        _text("mx", MX, "es", cites="AP"),
    )
    assert parents(result) == {"es": "en", "mx": "en"}
    assert result.unseen == ()


def test_a_text_that_credit_puts_after_a_translation_is_not_taken_for_its_original() -> None:
    """es is the agency's own copy and en cites the agency: en came after es, so en is not the
    original es and mx both translate, and nothing is judged derived on that ground."""
    result = _trace(
        _text("en", EN, "en", cites="EFE"), _text("es", ES, "es", owns="EFE"), _text("mx", MX, "es")
    )
    assert parents(result).get("es") != "en"
    assert not any("common source" in said for r in result.related for said in r.evidence)


def test_a_summary_is_not_parallel_to_its_source_a_translation_is() -> None:
    source = _text("es", ES, "es")
    summary = _text("summary", [ES[0], ES[2], ES[6]], "es")
    options = TraceOptions(workers=1)
    alignment, _ = align_pair(source, summary, options)
    assert not parallel(alignment, source, summary)
    other = _text("mx", MX, "es")
    alignment, _ = align_pair(source, other, options)
    assert parallel(alignment, source, other)


NTREX = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ntrex-dev"
if not NTREX.is_dir():  # a git worktree sits one level deeper
    NTREX = NTREX.parent.parent.parent.parent / "shared" / "corpora" / "ntrex-dev"


@pytest.mark.skipif(not NTREX.is_dir(), reason="../shared/corpora/ntrex-dev is absent")
def test_ntrex_translations_hang_from_the_english_as_siblings_without_embeddings() -> None:
    """Read in place: the first folders of the real corpus, two independent translations of each article."""
    for folder in sorted(p for p in NTREX.iterdir() if p.is_dir())[:3]:
        articles, _ = load_articles([str(folder / f"{v}.txt") for v in ("en", "es", "es-mx")], workers=1)
        result = trace_articles(articles, TraceOptions(workers=1, all_pairs=True))
        chained = {frozenset((e.parent, e.child)) for e in result.edges} & {frozenset(("es", "es-mx"))}
        assert not chained, folder.name
        assert parents(result) == {"es": "en", "es-mx": "en"}, folder.name


def test_a_summary_beside_a_translation_hangs_from_its_source_not_from_the_translation() -> None:
    """The summary retells only part of en: en and the summary are no two translations of es."""
    summary = [
        "Marlowe's council on Tuesday approved a plan for 1,200 affordable homes on the old Brennan steelworks site.",
        "The project will cost 310 million euros, with the regional government of Estrada paying 40 percent.",
        "The Brennan steelworks closed in 2008, leaving 3,500 workers without jobs.",
    ]
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"), _text("summary", summary, "en"))
    assert parents(result)["summary"] == "en"
    assert _judgement(result, "en", "summary") is Derivation.DERIVED


#: A report of the same council vote written in Spanish apart from EN: some of the same facts
#: (names, figures), told in its own order, with its own material in between.
ES_APART = [
    "Decenas de vecinos protestaron frente al ayuntamiento mientras se votaba el proyecto de vivienda.",
    "La acería Brennan cerró en 2008 y dejó sin empleo a 3.500 trabajadores.",
    "Los manifestantes reclamaban que se priorice a las familias desalojadas el año pasado.",
    "El concejal de la oposición Tomás Ribeiro votó en contra del plan por la contaminación del suelo.",
    "Una asociación ecologista anunció que recurrirá la decisión ante los tribunales.",
    "Según la alcaldesa Helena Carvalho, las obras empezarán en marzo de 2027.",
    "El barrio carece de transporte público desde el cierre de la línea de tranvía.",
    "El ayuntamiento de Marlowe aprobó el martes 1.200 viviendas en la antigua acería Brennan.",
]


def test_a_lone_translation_is_judged_derived_from_its_original_sentence_by_sentence() -> None:
    """No sibling to compare with: the translation retells all its original, in order (which came
    first is for the direction's evidence, of which these two texts carry none)."""
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"))
    assert _judgement(result, "en", "es") is Derivation.DERIVED
    assert [{e.parent, e.child} for e in result.edges] == [{"en", "es"}]


def test_a_report_written_apart_in_another_language_is_independent_of_the_original() -> None:
    """It shares names and figures with the English, in its own order and among its own sentences."""
    result = _trace(_text("en", EN, "en"), _text("es", ES_APART, "es"))
    assert all(r.judgement is Derivation.INDEPENDENT for r in result.related)
    assert result.edges == ()


def _check_spanish(tmp_path: Path, story: list[str]) -> tuple[bool, float]:
    wire = tmp_path / "wire" / "ap"
    wire.mkdir(parents=True)
    (wire / "plan.txt").write_text("\n\n".join(EN) + "\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(story) + "\n", encoding="utf-8")
    report = check([str(path)], [str(tmp_path / "wire")], CheckConfig())
    [source] = report.stories[0].sources
    return source.derived, source.probability


def test_check_finds_a_story_translated_from_the_wire_derived_from_it(tmp_path: Path) -> None:
    derived, probability = _check_spanish(tmp_path, ES)
    assert derived and probability >= 0.5


def test_check_finds_a_story_written_apart_in_another_language_independent(tmp_path: Path) -> None:
    derived, _ = _check_spanish(tmp_path, ES_APART)
    assert not derived


#: MX without the names and figures both languages spell alike: across languages (without
#: embeddings) the aligner links none of it to EN, though it retells ES sentence by sentence.
MX_THIN = [
    "El concejo municipal aprobó el martes un proyecto para construir mil doscientas viviendas de precio "
    "accesible en el predio de la antigua siderúrgica.",
    "La presidenta municipal dijo que la construcción comenzará en la primavera y tomará alrededor de cuatro años.",
    "La obra tendrá un costo de trescientos diez millones, de los cuales el gobierno regional cubrirá cuatro de "
    "cada diez.",
    "Un regidor opositor votó en contra del plan, pues sostuvo que el terreno todavía está contaminado con "
    "metales pesados.",
    "Un estudio universitario detectó hace años niveles de plomo tres veces superiores al límite permitido por "
    "la ley.",
    "La alcaldesa indicó que la limpieza del suelo ya forma parte del presupuesto.",
    "La siderúrgica cerró sus puertas hace más de una década y miles de obreros perdieron su trabajo.",
    "Los habitantes podrán solicitar las casas a partir de enero en el sitio web del municipio.",
]


def test_a_translation_the_aligner_cannot_relate_to_the_original_hangs_from_it_through_its_sibling() -> None:
    """Its sibling translates en, and it retells its sibling without copying it: it translates en too."""
    result = _trace(_text("en", EN, "en"), _text("es", ES, "es"), _text("mx", MX_THIN, "es"))
    assert parents(result) == {"es": "en", "mx": "en"}
    assert result.unrelated == ()
    original = next(r for r in result.related if {r.a, r.b} == {"en", "mx"})
    assert original.judgement is Derivation.DERIVED
    assert "matched too few sentences" in original.evidence[0]
    # Its edge claims no shared share of wording it never measured: no containment line of "0%".
    edge = next(e for e in result.edges if e.child == "mx")
    assert "no sentence of en or mx is linked to the other" in edge.evidence[0]
    assert not any("0% of" in line for line in edge.evidence)


def test_check_judges_a_story_against_two_wire_articles_in_another_language_each_on_its_own(
    tmp_path: Path,
) -> None:
    """Two English versions of the Spanish story: their wording, in another language, is no union to
    measure the Spanish against; each is a text the story retells sentence by sentence."""
    wire = tmp_path / "wire" / "ap"
    wire.mkdir(parents=True)
    (wire / "plan.txt").write_text("\n\n".join(EN) + "\n", encoding="utf-8")
    (wire / "plan-again.txt").write_text("\n\n".join(EN_AGAIN) + "\n", encoding="utf-8")
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(ES) + "\n", encoding="utf-8")
    report = check([str(path)], [str(tmp_path / "wire")], CheckConfig())
    assert [s.derived for s in report.stories[0].sources] == [True, True]
