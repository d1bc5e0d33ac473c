"""Any script: identical texts in Greek, Russian, Arabic, Chinese and Japanese are verbatim copies."""

from __future__ import annotations

import pytest

from provtrace.ingest.extract import build_article, extract_document
from provtrace.ingest.sentences import split_sentences
from provtrace.models import LinkKind, RawDocument, Skip
from provtrace.options import TraceOptions
from provtrace.pipeline import trace_articles

STORIES = {
    "greek": (
        "Οι λιμενεργάτες του Πειραιά κατέβηκαν σε απεργία την Κυριακή. "
        "Οι διαπραγματεύσεις με τη διοίκηση του λιμανιού κατέρρευσαν το Σάββατο. "
        "Το συνδικάτο λέει ότι το σχέδιο αυτοματοποίησης θα καταργήσει 900 θέσεις εργασίας. "
        "Ο υπουργός Εργασίας θα συναντήσει τους εκπροσώπους των εργαζομένων την Τετάρτη."
    ),
    "russian": (
        "Портовые рабочие Новороссийска объявили забастовку в воскресенье. "
        "Переговоры с администрацией порта о заработной плате сорвались в субботу. "
        "Профсоюз заявляет, что план автоматизации уничтожит до 900 рабочих мест. "
        "Министр труда встретится с лидерами профсоюза в среду утром."
    ),
    "arabic": (
        "أضرب عمال الميناء في الإسكندرية يوم الأحد بعد انهيار محادثات الأجور. "
        "يقول النقابيون إن خطة الأتمتة ستلغي ما يصل إلى تسعمائة وظيفة. "
        "هل ستتدخل الحكومة؟ "
        "سيلتقي وزير العمل بقادة النقابة في العاصمة صباح الأربعاء."
    ),
    "chinese": (
        "上海港的码头工人星期日举行罢工。"
        "工资谈判在星期六破裂。"
        "工会说自动化计划将取消多达九百个工作岗位！"
        "劳动部长将在星期三上午会见工会领导人。"
    ),
    "japanese": (
        "横浜港の港湾労働者が日曜日にストライキを始めた。"
        "賃金交渉は土曜日に決裂した。"
        "労働組合は自動化計画で最大九百人の雇用が失われると述べた。"
        "労働大臣は水曜日の朝に組合の代表と会談する予定だ。"
    ),
}


def _article(article_id: str, text: str):  # type: ignore[no-untyped-def]
    extracted = extract_document(RawDocument(f"{article_id}.txt", text.encode("utf-8"), "txt"))
    assert not isinstance(extracted, Skip)
    return build_article(article_id, extracted)


@pytest.mark.parametrize("script", sorted(STORIES))
def test_identical_texts_in_any_script_are_verbatim_copies(script: str) -> None:
    text = STORIES[script] + "\n"
    a, b = _article("a", text), _article("b", text)
    assert len(a.sentences) >= 4
    result = trace_articles([a, b], TraceOptions())
    assert len(result.edges) == 1 and not result.unrelated
    (alignment,) = result.alignments
    assert alignment.added == () and alignment.dropped == ()
    assert [(link.source, link.target) for link in alignment.links] == [
        ((i,), (i,)) for i in range(len(a.sentences))
    ]
    assert all(link.kind is LinkKind.VERBATIM for link in alignment.links)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("工资谈判破裂。工会说！部长会见吗？", ["工资谈判破裂。", "工会说！", "部长会见吗？"]),
        ("「交渉は決裂した。」組合は述べた。", ["「交渉は決裂した。」", "組合は述べた。"]),
        ("هل ستتدخل الحكومة؟ سيلتقي الوزير بالقادة.", ["هل ستتدخل الحكومة؟", "سيلتقي الوزير بالقادة."]),
    ],
)
def test_sentences_end_at_chinese_japanese_and_arabic_stops(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


HEADLINES = {
    "greek": "Απεργία στο λιμάνι του Πειραιά για τρίτη ημέρα",
    "russian": "Забастовка в порту продолжается третий день",
    "arabic": "الإضراب في الميناء يدخل يومه الثالث",
    "chinese": "上海港码头工人罢工进入第三天",
    "japanese": "横浜港のストライキが三日目に突入",
}


@pytest.mark.parametrize("script", sorted(STORIES))
def test_a_headline_in_any_script_is_the_title_and_not_a_sentence(script: str) -> None:
    """A line written without spaces counts its words by its characters, as a headline or a paragraph."""
    article = _article("a", f"{HEADLINES[script]}\n\n{STORIES[script]}\n")
    assert article.title == HEADLINES[script]
    assert HEADLINES[script] not in [s.text for s in article.sentences]
    assert len(article.sentences) == 4


def test_a_changed_character_in_chinese_is_all_that_is_marked_in_every_format() -> None:
    from provtrace.render.worddiff import Op, word_diff

    old = "塞尔温港的码头工人周二继续罢工，十一艘船只滞留锚地。"
    new = "塞尔温港的码头工人周二继续罢工，十二艘船只滞留锚地。"
    assert [(s.op, s.text) for s in word_diff(old, new) if s.op is not Op.SAME] == [
        (Op.DELETE, "一"),
        (Op.INSERT, "二"),
    ]
    a = _article("a", f"港口罢工进入第三天\n\n{old}工会表示，自动化计划将削减多达900个工作岗位！\n")
    b = _article("b", f"港口罢工进入第三天\n\n{new}工会表示，自动化计划将削减多达900个工作岗位！\n")
    result = trace_articles([a, b], TraceOptions())
    from provtrace.render import OutputFormat, RenderOptions, renderer

    markdown = str(renderer(OutputFormat.MARKDOWN)(result, RenderOptions()))
    html = str(renderer(OutputFormat.HTML)(result, RenderOptions()))
    assert "十~~一~~艘" in markdown and "十**二**艘" in markdown
    assert "十<del>一</del>艘" in html and "十<ins>二</ins>艘" in html
