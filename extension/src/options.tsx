/**
 * Options page (chrome-extension://ID/options.html): the installed built-in packs and whether
 * they passed validation. Chinese only for now; the English switch arrives with the i18n issue.
 * Definition text is shown as text (React escapes it), never as HTML.
 */
import { useMemo, type CSSProperties } from 'react';
import { loadBuiltinPacks } from './lib/builtin-packs.ts';

const page: CSSProperties = {
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  maxWidth: 880,
  margin: '24px auto',
  padding: '0 16px',
  color: '#1f2328',
  lineHeight: 1.6,
};
const cell: CSSProperties = { border: '1px solid #d0d7de', padding: '6px 10px', textAlign: 'left' };

function OptionsPage() {
  const { ok, rows, problems } = useMemo(() => loadBuiltinPacks(), []);
  return (
    <main style={page}>
      <h1 style={{ fontSize: 22 }}>履职 · 设置</h1>
      <section aria-labelledby="packs-heading">
        <h2 id="packs-heading" style={{ fontSize: 18 }}>已安装的内置表单包（{rows.length} 个）</h2>
        <table data-testid="pack-table" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr style={{ background: '#f6f8fa' }}>
              <th style={cell}>名称</th>
              <th style={cell}>标识</th>
              <th style={cell}>版本</th>
              <th style={cell}>表单数</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="pack-row" data-pack-id={row.id}>
                <td style={cell} data-testid="pack-title">{row.title}</td>
                <td style={cell}><code>{row.id}</code></td>
                <td style={cell}>{row.version}</td>
                <td style={cell}>{row.formCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="check-heading">
        <h2 id="check-heading" style={{ fontSize: 18 }}>校验结果</h2>
        {ok ? (
          <p data-testid="validation-ok" style={{ color: '#1a7f37' }}>全部表单包校验通过，没有发现问题。</p>
        ) : (
          <div data-testid="validation-problems" role="alert" style={{ color: '#cf222e' }}>
            <p>发现 {problems.length} 个问题：</p>
            <ul>
              {problems.map((problem, i) => (
                <li key={i} style={{ whiteSpace: 'pre-wrap' }}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </main>
  );
}

export default OptionsPage;
