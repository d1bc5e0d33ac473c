"""The inline stylesheet of the HTML report (screen and print); no fonts or images to fetch."""

CSS = """
:root {
  --ink: #1d2329; --muted: #5d6773; --line: #d8dde3; --paper: #ffffff; --wash: #f5f7f9;
  --source: #1f4e99; --copy: #2e7d4f; --rewrite: #b86e00; --summary: #7a3fa0; --excerpt: #0f7c86;
  --unseen: #6b7480; --add-bg: #e3f4e6; --add-ink: #1b6a33; --drop-bg: #fbe4e2; --drop-ink: #a1281e;
  --alt-bg: #fff4d6; --para-bg: #efe8f6;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; padding: 28px 32px 60px; max-width: 1280px; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 17px; margin: 0 0 4px; }
a { color: inherit; }
.lede { font-size: 17px; margin: 10px 0 4px; max-width: 60em; }
.muted, .summary { color: var(--muted); }
.id { font-weight: 650; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  font-size: 0.92em; }
.title { font-style: italic; }
.chip { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 650;
  color: #fff; background: var(--rewrite); white-space: nowrap; }
.chip.source { background: var(--source); } .chip.copy { background: var(--copy); }
.chip.summary { background: var(--summary); } .chip.excerpt { background: var(--excerpt); }
.chip.unseen { background: var(--unseen); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 13px; color: var(--muted);
  margin: 6px 0 10px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 14px; height: 14px; border-radius: 3px; display: inline-block;
  border: 1px solid rgba(0,0,0,.15); }
.figure { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px;
  background: var(--wash); padding: 8px; }
svg.tree { display: block; max-width: 100%; height: auto; margin: 0 auto;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg.tree rect { fill: #fff; stroke: var(--rewrite); stroke-width: 2; }
svg.tree .source rect { stroke: var(--source); stroke-width: 3.5; fill: #eef3fb; }
svg.tree .unseen rect { stroke: var(--unseen); stroke-dasharray: 6 4; fill: #f4f5f6; }
svg.tree .unrelated rect { stroke: #b9c0c8; fill: #f7f8f9; }
svg.tree .unrelated text { fill: #7c858f; }
svg.tree .rel-copy rect { stroke: var(--copy); } svg.tree .rel-summary rect { stroke: var(--summary); }
svg.tree .rel-excerpt rect { stroke: var(--excerpt); } svg.tree .rel-unseen rect { stroke: var(--unseen); }
svg.tree a:hover rect { fill: #fffbe8; }
svg.tree .nid { font-size: 13.5px; font-weight: 700; fill: var(--ink); }
svg.tree .ntitle { font-size: 12.5px; font-style: italic; fill: #39424c; }
svg.tree .nnotitle { font-size: 12px; font-style: italic; fill: #9aa3ad; }
svg.tree .nmeta { font-size: 11.5px; fill: var(--muted); }
svg.tree .badge { font-size: 11px; font-weight: 800; letter-spacing: .06em; fill: var(--source); }
svg.tree .unseen .badge { fill: var(--unseen); }
svg.tree .band { font-size: 11px; font-weight: 800; letter-spacing: .06em; fill: #8a939c; }
svg.tree path.edge { fill: none; stroke: var(--rewrite); opacity: .85; }
svg.tree path.rel-copy { stroke: var(--copy); } svg.tree path.rel-summary { stroke: var(--summary); }
svg.tree path.rel-excerpt { stroke: var(--excerpt); }
svg.tree path.rel-unseen { stroke: var(--unseen); stroke-dasharray: 6 4; }
svg.tree .elabel, svg.tree .econf { text-anchor: end; paint-order: stroke; stroke: var(--wash);
  stroke-width: 4px; }
svg.tree .elabel { font-size: 12.5px; font-weight: 700; fill: var(--ink); }
svg.tree .econf { font-size: 11px; fill: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { font-size: 13px; color: var(--muted); font-weight: 650; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { display: flex; height: 12px; min-width: 120px; border-radius: 6px; overflow: hidden;
  background: var(--line); }
.bar span { display: block; height: 100%; }
.k-verbatim { background: #9aa5b1; }
.k-altered { background: #f0b429; }
.k-paraphrase { background: #a77bca; }
.k-added { background: #3f9a5a; } .k-dropped { background: #d9534f; }
.panel { margin: 28px 0 0; padding: 18px 20px; border: 1px solid var(--line);
  border-left: 6px solid var(--rewrite);
  border-radius: 10px; }
.panel.rel-copy { border-left-color: var(--copy); }
.panel.rel-summary { border-left-color: var(--summary); }
.panel.rel-excerpt { border-left-color: var(--excerpt); }
.panel.rel-unseen { border-left-color: var(--unseen); }
.panel .facts { margin: 4px 0 10px; color: var(--muted); font-size: 14px; }
.counts { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 14px; margin: 10px 0 6px; }
.counts b { font-variant-numeric: tabular-nums; }
.panel .bar { height: 14px; margin: 4px 0 12px; }
.why { font-size: 14px; color: #3b444e; margin: 6px 0 14px; }
.why ul { margin: 4px 0 0; padding-left: 20px; }
table.sbs { table-layout: fixed; font-size: 14.5px; }
table.sbs col.tag { width: 78px; }
table.sbs td.n { white-space: nowrap; } table.sbs col.n { width: 64px; }
.fact, td.date { white-space: nowrap; }
table.sbs thead th { position: sticky; top: 0; background: var(--paper);
  border-bottom: 2px solid var(--ink); }
table.sbs td { line-height: 1.45; }
table.sbs td.n { color: var(--muted); font-size: 12px; text-align: right; padding-right: 4px; }
table.sbs td.tag { font-size: 11px; font-weight: 750; text-transform: uppercase; letter-spacing: .04em; }
tr.r-verbatim td { color: #6b747e; } tr.r-verbatim td.tag { color: #9aa3ad; }
tr.r-altered td.txt { background: var(--alt-bg); } tr.r-altered td.tag { color: #8a5a00; }
tr.r-paraphrase td.txt { background: var(--para-bg); } tr.r-paraphrase td.tag { color: var(--summary); }
tr.r-added td.txt.right { background: var(--add-bg); color: var(--add-ink); }
tr.r-added td.tag { color: var(--add-ink); }
tr.r-dropped td.txt.left { background: var(--drop-bg); color: var(--drop-ink); }
tr.r-dropped td.tag { color: var(--drop-ink); }
td.empty { background: repeating-linear-gradient(135deg, #fafbfc 0 6px, #f0f2f4 6px 12px); }
del { background: #f7c6c1; color: #7d1a12; text-decoration: line-through;
  text-decoration-thickness: 1.5px; }
ins { background: #bfe8c8; color: #124d23; text-decoration: underline; text-decoration-thickness: 1.5px; }
.partial { font-size: 11px; color: var(--muted); font-style: italic; }
.flips { font-size: 11px; font-weight: bold; }
.toggle { font-size: 14px; margin: 12px 0 0; user-select: none; }
body:has(#only-changes:checked) tr.r-verbatim { display: none; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card.source { border-top: 5px solid var(--source); }
.card.version { border-top: 5px solid var(--rewrite); }
footer { margin-top: 40px; font-size: 12px; color: var(--muted); }
table.summary th.num { white-space: normal; }
table.summary .id { white-space: nowrap; }
@media (max-width: 900px) {
  .barcol { display: none; }
  table.summary td, table.summary th { font-size: 12px; padding: 5px; }
}
@media (max-width: 760px) {
  body { padding: 16px; } .cards { grid-template-columns: 1fr; }
  table.summary .id { white-space: normal; overflow-wrap: anywhere; }
  table.summary td.num .muted { display: none; }
  table.summary th { font-size: 10.5px; }
  table.summary .chip { padding: 1px 5px; font-size: 11px; white-space: normal; }
  table.summary td, table.summary th { padding: 4px 3px; }
  table.sbs col.tag { width: 58px; } table.sbs col.n { width: 52px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .toggle, .no-print { display: none; }
  h2 { break-after: avoid; }
  .figure { overflow: visible; border: none; background: none; padding: 0; }
  svg.tree { width: 100%; }
  .panel { break-before: page; border: none; border-left: 4px solid var(--rewrite);
    border-radius: 0; padding: 0 0 0 10px; }
  table.sbs thead th { position: static; }
  .barcol { display: none; }
  table.summary td, table.summary th { font-size: 8pt; padding: 4px 5px; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { text-decoration: none; }
}
"""

#: Added to the stylesheet of a page that shows sentences not matched (see provtrace.render.rows).
UNMATCHED_CSS = """
.k-unmatched { background: #7f9cbf; }
tr.r-unmatched td.txt:not(.empty) { background: #e6edf5; color: #27425f; }
tr.r-unmatched td.tag { color: #27425f; }
.note { font-size: 14px; color: #27425f; margin: 4px 0 12px; max-width: 60em; }
"""
