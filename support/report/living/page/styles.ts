/** The page's stylesheet, inline: the file opens offline. */
export const STYLES = `
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e8ef;--bg:#f6f8fb;--card:#fff;--pass:#2f855a;--fail:#c53030;--skip:#b7791f;--none:#a0aec0;--accent:#2b6cb0;--live:#805ad5}
*{box-sizing:border-box}
html{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;color:var(--ink);background:var(--bg)}
body{margin:0;overflow-wrap:anywhere}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.top{background:#14213d;color:#fff;padding:18px 32px 14px}
header.top h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top .run{color:#cbd5e1;font-size:13px;margin-top:4px}
header.top .verdict{display:inline-block;margin-left:10px;padding:1px 10px;border-radius:12px;font-size:13px;font-weight:600}
.verdict.ok{background:#c6f6d5;color:#22543d}.verdict.bad{background:#fed7d7;color:#822727}.verdict.cut{background:#feebc8;color:#7b341e}
nav.bar{display:flex;gap:18px;align-items:center;flex-wrap:wrap;padding:10px 32px;background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:5}
nav.bar a{font-weight:600;color:var(--muted);padding:4px 2px;border-bottom:2px solid transparent}
nav.bar a.current{color:var(--ink);border-color:var(--accent)}
nav.bar .search{margin-left:auto;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
#search{width:min(420px,70vw);padding:7px 10px;border:1px solid #cbd5e0;border-radius:6px;font:inherit}
#search-count{color:var(--muted);font-size:13px}
main{max-width:1240px;margin:0 auto;padding:22px 32px 60px}
.banner{background:#fffaf0;border:1px solid #f6ad55;border-radius:8px;padding:12px 16px;margin-bottom:18px}
.totals{display:flex;gap:12px;flex-wrap:wrap;margin:6px 0 22px}
.total{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}
.total b{display:block;font-size:24px}.total span{color:var(--muted);font-size:13px}
.total.passed b{color:var(--pass)}.total.failed b{color:var(--fail)}.total.skipped b{color:var(--skip)}.total.notrun b{color:var(--none)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;display:flex;flex-direction:column;gap:8px;color:inherit}
.card:hover{border-color:var(--accent);text-decoration:none;box-shadow:0 2px 8px rgba(20,33,61,.08)}
.card h2{margin:0;font-size:18px}
.card p{margin:0;color:var(--muted);font-size:14px}
.card .bar-track{margin-top:auto}
.bar-track{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#edf2f7}
.bar-track i{display:block}.bar-track .p{background:var(--pass)}.bar-track .f{background:var(--fail)}.bar-track .s{background:var(--skip)}.bar-track .n{background:var(--none)}
.figures{display:flex;gap:12px;flex-wrap:wrap;font-size:13px;color:var(--muted)}
.figures b{color:var(--ink)}.figures .failed b{color:var(--fail)}.figures .passed b{color:var(--pass)}
.capability-page h2{font-size:26px;margin:4px 0 6px}
.narrative p{max-width:860px;margin:6px 0}
.feature{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:18px 0}
.feature h3{margin:0 0 4px;font-size:19px}
.description p{margin:4px 0;color:var(--muted);max-width:900px}
.rule h4{margin:18px 0 2px;font-size:15px;color:#2d3748}
.rule>.description p{font-size:14px}
.scenario{border-top:1px solid var(--line);scroll-margin-top:64px}
.scenario>summary{cursor:pointer;list-style:none;display:flex;gap:10px;align-items:baseline;padding:8px 4px}
.scenario>summary::-webkit-details-marker{display:none}
.scenario>summary:hover{background:#f7fafc}
.scenario[open]>summary{background:#ebf4ff}
.badge{flex:none;font-size:12px;font-weight:700;border-radius:10px;padding:1px 8px;min-width:64px;text-align:center}
.badge.passed{background:#c6f6d5;color:#22543d}.badge.failed{background:#fed7d7;color:#822727}.badge.skipped{background:#feebc8;color:#7b341e}.badge.notrun{background:#edf2f7;color:#4a5568}
.scenario .title{flex:1}
.scenario .meta{color:var(--muted);font-size:12px;flex:none}
.chip{font-size:11px;background:#e9d8fd;color:#44337a;border-radius:8px;padding:0 6px;margin-left:6px}
.scenario-body{padding:4px 8px 16px 20px}
ol.steps{list-style:none;padding:0;margin:6px 0 10px;font-size:14px}
ol.steps li{padding:1px 0}ol.steps li::before{display:inline-block;width:20px;content:"·"}
ol.steps li.passed::before{content:"✓";color:var(--pass)}ol.steps li.failed::before{content:"✗";color:var(--fail)}ol.steps li.skipped::before{content:"–";color:var(--skip)}
ol.steps .detail{font-size:12px;color:var(--fail);margin-left:6px}
.failure{background:#fff5f5;border-left:4px solid var(--fail);padding:8px 12px;margin:8px 0;font-size:14px}
.failure b{white-space:pre-wrap}.failure summary{cursor:pointer;color:var(--muted);font-size:13px;margin-top:6px}
.not-run-note{color:var(--muted);font-size:13px}
h4{margin:16px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.4px;color:#4a5568}
h5{margin:6px 0;font-size:13px}
.diagram{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px;overflow:hidden}
svg.sequence{width:100%;height:auto;display:block;font:11px system-ui,sans-serif}
.sd-lane{stroke:#cbd5e0;stroke-dasharray:3 4}
.sd-head{fill:#edf2f7;stroke:#a0aec0}.sd-head.sd-gateway{fill:#bee3f8;stroke:#3182ce}.sd-head.sd-service{fill:#fefcbf;stroke:#b7791f}
.sd-head-label{font-weight:600;font-size:12px}
.sd-time{fill:#718096;font-size:11px}
.sd-arrow line{stroke:#2d3748;stroke-width:1.4}.sd-arrow path{fill:#2d3748}.sd-arrow text{fill:#1a202c}
.sd-upstream line{stroke:#b7791f}.sd-upstream path{fill:#b7791f}
.sd-answer line{stroke:#2f855a}.sd-answer path{fill:#2f855a}
.sd-error line{stroke:var(--fail)}.sd-error path{fill:var(--fail)}.sd-error text{fill:var(--fail)}
.sd-live line{stroke:var(--live)}.sd-live path{fill:var(--live)}.sd-live text{fill:#553c9a}
.sd-move{fill:#fefcbf;stroke:#d69e2e;stroke-dasharray:4 3}.sd-move-label{font-weight:600;fill:#744210;font-size:12px}
.exchanges{border:1px solid var(--line);border-radius:8px;background:#fff}
.exchange{border-top:1px solid var(--line)}.exchange:first-child{border-top:0}
.exchange>summary{cursor:pointer;display:grid;grid-template-columns:96px 110px 64px minmax(0,1fr) 52px 72px;gap:8px;padding:6px 10px;font-size:13px;align-items:baseline}
.exchange>summary .path{font-family:ui-monospace,Menlo,Consolas,monospace}
.exchange>summary .ms{color:var(--muted);text-align:right}
.status{font-weight:700}.status.s2{color:var(--pass)}.status.s4{color:var(--skip)}.status.s5{color:var(--fail)}
.exchange-body{padding:6px 12px 12px;background:#fafcff}
.two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7fafc;border:1px solid var(--line);border-radius:6px;padding:8px;font-size:12px;margin:6px 0;max-height:420px;overflow-y:auto}
dl.headers{display:grid;grid-template-columns:minmax(0,200px) minmax(0,1fr);gap:0 10px;font-size:12px;margin:4px 0}
dl.headers dt{color:var(--muted)}dl.headers dd{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace}
table.grid{border-collapse:collapse;width:100%;table-layout:fixed;font-size:13px;background:#fff}
table.grid th,table.grid td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.grid th{background:#f7fafc}
td.path,td.at{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
table.grid td.at{white-space:nowrap}
table.grid col.narrow{width:120px}
tr.level-error td,tr.level-fatal td{background:#fff5f5}tr.level-warn td{background:#fffaf0}
.note{color:var(--muted);font-size:12px;margin:2px 0}
button{font:inherit;font-size:13px;padding:3px 10px;border:1px solid #a0aec0;border-radius:5px;background:#fff;cursor:pointer}
.load svg{max-width:100%;height:auto;display:block;background:#fff;border:1px solid var(--line);border-radius:8px}
.pass-word{color:var(--pass);font-weight:700}.fail-word{color:var(--fail);font-weight:700}
.spark{vertical-align:middle}
.op-status{display:inline-block;margin:2px 6px 2px 0;padding:0 6px;border-radius:6px;font-size:12px;font-family:ui-monospace,Menlo,Consolas,monospace}
.op-status.hit{background:#c6f6d5}.op-status.miss{background:#fed7d7}
body.searching .capability-page>.narrative,body.searching .capability-page>.figures{display:none}
footer{color:var(--muted);font-size:12px;text-align:center;padding:20px}
`;
