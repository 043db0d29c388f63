/**
 * The HTML shells of the server's pages. Content comes from the bundled app (web/app.tsx) and
 * the JSON API; nothing from a record is put into HTML here, so nothing needs escaping.
 */
const shell = (title: string, root: string) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f5f6f8; color: #222; }
  main { max-width: 960px; margin: 0 auto; padding: 16px; }
  button { font: inherit; padding: 8px 14px; border-radius: 6px; border: 1px solid #888; background: #fff; cursor: pointer; }
  button.primary { background: #b71c1c; border-color: #b71c1c; color: #fff; }
  .rate button { display: block; width: 100%; margin: 10px 0; padding: 16px; font-size: 20px; }
  .error { color: #b71c1c; } .ok { color: #1b5e20; }
  table { border-collapse: collapse; width: 100%; background: #fff; } td, th { border: 1px solid #ddd; padding: 6px; text-align: left; }
</style>
</head>
<body><main id="${root}">加载中…</main><script src="/assets/app.js"></script></body>
</html>`;

export const appHtml = () => shell('履职 · 人大办公室', 'app');
export const ratePageHtml = () => shell('代表满意度测评', 'rate');
