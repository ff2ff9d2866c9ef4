// The doctor's page's stylesheet: the screen, and print on A4 or US Letter.
// Grays only, so that a black-and-white printout loses nothing. Sizes in rem
// on screen and pt on paper; the charts scale with the page width. The
// printed sizes are the ones report/html_fit.cpp estimates pages from.
#pragma once

namespace rls::report {

inline constexpr const char* k_report_css = R"(
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111;
  background: #fff; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 0.2rem; }
h2 { font-size: 1.08rem; margin: 1.1rem 0 0.35rem; padding-bottom: 0.1rem;
  border-bottom: 1px solid #888; }
p { margin: 0.3rem 0; }
.meta, .note { color: #333; font-size: 0.9rem; }
figure { margin: 0.3rem 0; }
figcaption { font-size: 0.85rem; color: #333; }
svg.chart { display: block; width: 100%; height: auto; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; fill: #111; }
.tick, .legend, .hint, .fig { font-size: 8.5px; }
.axis-title, .row-label, .verdict { font-size: 9px; }
.panel-title { font-size: 10px; font-weight: 600; }
.primary, .verdict { font-weight: 600; }
.axis { stroke: #222; stroke-width: 1; }
.grid { stroke: #d4d4d4; stroke-width: 0.5; }
.dot { fill: #8a8a8a; }
.mean { fill: none; stroke: #000; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.sess { fill: #222; }
.unrated { fill: #fff; stroke: #333; stroke-width: 0.8; }
.zero { stroke: #000; stroke-width: 1; }
.mid { stroke: #555; stroke-width: 1; stroke-dasharray: 3 2; }
.ci { stroke: #000; stroke-width: 1.4; }
.est { fill: #fff; stroke: #000; stroke-width: 1.2; }
.est.decided { fill: #000; }
.stripe { fill: #f1f1f1; }
.arm0 { fill: #f2f2f2; }
.arm1 { fill: #e2e2e2; }
.arm2 { fill: #d0d0d0; }
.arm3 { fill: #fff; stroke: #999; stroke-dasharray: 1 2; }
.cellbox { stroke: #555; stroke-width: 0.6; }
.forgotten .cellbox, .upcoming .cellbox, .open .cellbox { stroke-dasharray: 2 2; }
.upcoming text { fill: #777; }
.arm-label, .change-label { font-size: 8px; font-weight: 600; }
.change { stroke: #000; stroke-width: 0.8; stroke-dasharray: 4 2; }
.ring { fill: none; stroke: #000; stroke-width: 1; }
.flag { border-left: 3px solid #000; padding-left: 0.4rem; }
.band1 { fill: #f6f6f6; }
.band2 { fill: #e8e8e8; }
.band3 { fill: #d8d8d8; }
.band4 { fill: #c6c6c6; }
.line { fill: none; stroke: #000; stroke-width: 1.5; }
.point, .spread { fill: #000; }
.hm-row rect { stroke: #fff; stroke-width: 0.5; }
.none { fill: #fff; stroke: #9a9a9a; stroke-width: 0.5; }
.hatch { stroke: #9a9a9a; stroke-width: 0.7; }
.swatch { stroke: #888; stroke-width: 0.3; }
.cell-num { font-size: 8px; }
.cell-num.light { fill: #fff; }
.pair { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.2rem; align-items: start; }
.pair > section { min-width: 0; }
.pair td:not(:first-child) { white-space: nowrap; }
.pair th, .pair td { padding-left: 0.25rem; padding-right: 0.25rem; }
@media screen and (max-width: 45rem) {
  .pair { grid-template-columns: 1fr; }
  .pair td:not(:first-child) { white-space: normal; }
}
.pair td:first-child { overflow-wrap: break-word; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.08rem 0.55rem; text-align: right; border-bottom: 1px solid #ddd; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 1px solid #555; }
ul { margin: 0.2rem 0; padding-left: 1.2rem; }
time { white-space: nowrap; }
table.weeks { margin-bottom: 0.3rem; }
.scroll { overflow-x: auto; }
code { overflow-wrap: anywhere; }
table.weeks th, table.weeks td { padding-left: 0.3rem; padding-right: 0.3rem; }
table.weeks tbody th { font-weight: normal; }
@page { margin: 10mm 11mm; }
@media print {
  body { font-size: 9pt; line-height: 1.25; max-width: none; margin: 0; padding: 0; }
  table { line-height: 1.15; }
  th, td { padding-top: 0; padding-bottom: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 10.5pt; margin: 0.35rem 0 0.15rem; break-after: avoid; }
  .meta, .note, figcaption, table, .pair p, #watch li, #methods p { font-size: 8pt; }
  .pair td, .pair th { white-space: nowrap; }
  .pair td:first-child { white-space: normal; }
  figure, header, #summary, #methods, .pair, tr { break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)";

} // namespace rls::report
