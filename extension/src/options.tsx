/**
 * Options page (chrome-extension://ID/options.html): the built-in packs and whether they passed
 * validation; pack management (installed packs with version, source, enabled, history and roll
 * back; import from a file; subscriptions; trusted keys) and the definition studio. Chinese only
 * for now; the English switch arrives with the i18n issue. Definition text is shown as text
 * (React escapes it), never as HTML.
 */
import { useMemo, type CSSProperties } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { loadBuiltinPacks } from './lib/builtin-packs.ts';
import { PackManager, usePackView } from './lib/packs-manager.tsx';
import { Studio } from './lib/packs-studio.tsx';

const page: CSSProperties = {
  fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  maxWidth: 1200,
  margin: '24px auto',
  padding: '0 16px',
  color: '#1f2328',
  lineHeight: 1.6,
};
const cell: CSSProperties = { border: '1px solid #d0d7de', padding: '6px 10px', textAlign: 'left' };

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true } } });

function BuiltinPacks() {
  const { ok, rows, problems } = useMemo(() => loadBuiltinPacks(), []);
  return (
    <>
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
    </>
  );
}

function Managed() {
  const { data, error, isPending } = usePackView();
  if (isPending) return <p data-testid="store-loading">正在读取定义包…</p>;
  if (error || !data) return <p role="alert" style={{ color: '#cf222e' }}>无法读取定义包：{error?.message}</p>;
  return (
    <>
      <PackManager view={data} />
      <Studio view={data} />
    </>
  );
}

function OptionsPage() {
  return (
    <QueryClientProvider client={queryClient}>
      <main style={page}>
        <h1 style={{ fontSize: 22 }}>履职 · 设置</h1>
        <BuiltinPacks />
        <Managed />
      </main>
    </QueryClientProvider>
  );
}

export default OptionsPage;
