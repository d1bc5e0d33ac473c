"""`trace --index`: stories traced with the archive articles they derive from or share a source
with, and every renderer coping with archive ids such as "wire/2024/x.txt"."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace.cli.app import app
from tests.conftest import require_tool

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402

runner = CliRunner()


@pytest.fixture
def archive(tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, object]]:
    """A generated archive under ./wire/2024 (120 articles), indexed in ./idx.sqlite, with the
    deepest member of two families moved out to ./stories; returns the ground truth."""
    files, truth = generate.generate(generate.read_templates(examples), 120, seed=1)
    folder = tmp_path / "wire" / "2024"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "stories").mkdir()
    for family in (0, 1):
        members = [k for k, v in truth.items() if v["family"] == family]
        deepest = max(members, key=lambda k: (int(str(truth[k]["depth"])), k))
        shutil.move(folder / f"{deepest}.txt", tmp_path / "stories" / f"{deepest}.txt")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"]).exit_code == 0
    return truth


def _trace(*argv: str) -> dict[str, object]:
    result = runner.invoke(app, ["trace", "stories", "--index", "idx.sqlite", "--format", "json", *argv])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_trace_with_an_index_brings_in_each_storys_family_and_nothing_else(
    archive: dict[str, dict[str, object]],
) -> None:
    data = _trace()
    ids = {a["id"] for a in data["articles"]}  # type: ignore[attr-defined]
    stories = {p.stem for p in Path("stories").iterdir()}
    family = {f"wire/2024/{k}.txt" for k, v in archive.items() if v["family"] in (0, 1)}
    family -= {f"wire/2024/{s}.txt" for s in stories}
    assert ids == stories | family


def _edges(data: dict[str, object]) -> set[tuple[str, str, str]]:
    """(child, parent, relation) by file name, whatever the ids."""
    name = {a["id"]: Path(a["path"]).stem for a in data["articles"]}  # type: ignore[attr-defined]
    return {(name[e["child"]], name[e["parent"]], e["relation"]) for e in data["edges"]}  # type: ignore[attr-defined]


def test_trace_with_an_index_draws_the_tree_a_trace_of_the_same_files_draws(
    archive: dict[str, dict[str, object]],
) -> None:
    indexed = _trace()
    files = [a["path"] for a in indexed["articles"]]  # type: ignore[attr-defined]
    plain = runner.invoke(app, ["trace", *files, "--format", "json"])
    assert _edges(indexed) == _edges(json.loads(plain.stdout))
    assert len(_edges(indexed)) >= 2


def test_archive_articles_show_their_path_from_the_current_folder(
    archive: dict[str, dict[str, object]],
) -> None:
    data = _trace()
    for article in data["articles"]:  # type: ignore[attr-defined]
        if article["id"].startswith("wire/"):
            assert article["path"] == article["id"]


def test_trace_with_a_missing_index_is_exit_2_with_one_line(tmp_path: Path, examples: Path) -> None:
    result = runner.invoke(app, ["trace", str(examples), "--index", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no index at ") and result.stderr.count("\n") == 1


#: An archive id with every character a renderer must escape: folders, dots, quotes, <, & and a space.
ODD = 'wire/2024/a "b" & <c>.d.txt'


@pytest.fixture
def odd_ids(tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The examples indexed under wire/2024 (one with an awkward name); a story traced against them."""
    folder = tmp_path / "wire" / "2024"
    shutil.copytree(examples, folder)
    (folder / "wire-original.txt").rename(tmp_path / ODD)
    (tmp_path / "stories").mkdir()
    (folder / "coastalpost-rewrite.txt").rename(tmp_path / "stories" / "coastalpost-rewrite.txt")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"]).exit_code == 0
    return tmp_path


def _render(fmt: str) -> str:
    result = runner.invoke(app, ["trace", "stories", "--index", "idx.sqlite", "--format", fmt, "--all-pairs"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_and_csv_keep_archive_ids_exactly(odd_ids: Path) -> None:
    data = json.loads(_render("json"))
    assert ODD in {a["id"] for a in data["articles"]}
    assert ODD in {e["parent"] for e in data["edges"]} | {e["child"] for e in data["edges"]}
    rows = list(csv.DictReader(io.StringIO(_render("csv"))))
    assert ODD in {value for row in rows for value in row.values()}


def test_graphml_nodes_and_edges_use_archive_ids_as_given(odd_ids: Path) -> None:
    root = ET.fromstring(_render("graphml"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    ends = {e.get(side) for e in root.iterfind(".//g:edge", ns) for side in ("source", "target")}
    assert ODD in nodes and ODD in ends and ends <= nodes


def test_dot_with_archive_ids_is_read_by_graphviz_with_the_ids_intact(odd_ids: Path) -> None:
    dot = require_tool("dot", "graphviz")
    drawn = subprocess.run([dot, "-Tjson"], input=_render("dot"), capture_output=True, text=True, check=True)
    names = {node["name"] for node in json.loads(drawn.stdout)["objects"]}
    assert names == {a["id"] for a in json.loads(_render("json"))["articles"]}
    assert ODD in names


class _Ids(HTMLParser):
    """Every id attribute and every in-page link of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)
            if name == "href" and value and value.startswith("#"):
                self.links.append(value[1:])


def test_html_with_archive_ids_shows_them_escaped_and_links_to_anchors_that_exist(odd_ids: Path) -> None:
    page = _render("html")
    assert "a &quot;b&quot; &amp; &lt;c&gt;.d.txt" in page and "<c>" not in page
    found = _Ids()
    found.feed(page)
    assert len(found.ids) == len(set(found.ids))
    assert set(found.links) <= set(found.ids)
    assert all(" " not in i and "/" not in i for i in found.ids)


def test_markdown_and_text_show_archive_ids(odd_ids: Path) -> None:
    assert "wire/2024/a" in _render("markdown")
    assert ODD in _render("text")


def test_a_small_index_adds_only_the_articles_related_to_the_story(
    tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index of a few articles proposes each of them for any story: the unrelated ones
    (another story, another topic) are not traced with it and not listed as unrelated."""
    wire = tmp_path / "wire"
    wire.mkdir()
    for name in ("wire-original.txt", "unrelated-council-budget.txt"):
        shutil.copy(examples / name, wire / name)
    text = (examples / "wire-original.txt").read_text(encoding="utf-8")
    (tmp_path / "story.txt").write_text(text.replace("ships", "vessels"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"]).exit_code == 0
    result = runner.invoke(app, ["trace", "story.txt", "--index", "idx.sqlite", "--format", "json"])
    assert result.exit_code == 0, result.output
    ids = sorted(a["id"] for a in json.loads(result.stdout)["articles"])
    assert ids == ["story", "wire/wire-original.txt"]
