/** Panel CSS (the panel is the extension's own page, so plain global CSS is fine here). */
export const PANEL_CSS = `
* { box-sizing: border-box; }
body { margin: 0; }
.panel { font: 14px/1.55 "Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif; color: #1f2328; min-width: 320px; }
.header { display: flex; align-items: center; justify-content: space-between; padding: 8px 12px; background: #c0392b; color: #fff; }
.h1 { font-size: 18px; margin: 0; }
.h2 { font-size: 16px; margin: 12px 0 6px; }
.h3 { font-size: 14px; margin: 10px 0 4px; }
.link { all: unset; cursor: pointer; text-decoration: underline; }
/* the tabs stay at the top of a long view (a minutes preview, a long record): switching never needs a scroll back first */
.tabs { display: flex; border-bottom: 1px solid #d0d7de; background: #f6f8fa; position: sticky; top: 0; z-index: 5; }
.tab { flex: 1; border: 0; background: none; padding: 8px 4px; cursor: pointer; font: inherit; }
.tab.on { border-bottom: 3px solid #c0392b; font-weight: 700; }
.body { padding: 8px 12px 24px; }
.hint { color: #57606a; font-size: 12px; }
.row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.warn { color: #9a6700; background: #fff8c5; padding: 6px 8px; border-radius: 4px; }
.bad { color: #cf222e; }
.good { color: #1a7f37; }
.card { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; margin: 6px 0; }
table.plan { border-collapse: collapse; width: 100%; font-size: 12px; }
table.plan td, table.plan th { border: 1px solid #d0d7de; padding: 3px 5px; text-align: left; vertical-align: top; }
button { font: inherit; cursor: pointer; }
button.primary { background: #c0392b; color: #fff; border: 0; border-radius: 4px; padding: 5px 12px; }
input, select, textarea { font: inherit; }
`;
