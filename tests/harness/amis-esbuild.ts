import { join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * What an esbuild bundle of amis 6 needs (the evaluation page amis-inspection and the adapter
 * fixture amis.tsx both bundle it).
 * Besides plain resolution (only modules imported from amis's own packages):
 * - amis 6.13 imports mobx-react-lite without declaring it (it comes with its nested mobx-react);
 * - react-overlays (amis-ui's popovers) deep-imports @popperjs/core/lib/*, which the workspace's
 *   @popperjs/core (an alias of @sxzz/popperjs-es, the same Popper 2.11.8 as ES modules) does not ship:
 *   each deep import is re-exported from the package itself;
 * - amis loads its heavy optional renderers (code editor, charts, Excel, rich text, PDF, video, …) with
 *   import(); a webpack-built platform keeps them in chunks fetched only when such a renderer is used, and
 *   this page uses none, so they are left out of the one-file bundle (external) instead of inlined.
 */
export function amisDeps(): Plugin {
  const lazy = /^(monaco-editor|echarts|echarts-stat|echarts-wordcloud|exceljs|xlsx|office-viewer|hls\.js|mpegts\.js|codemirror|papaparse|react-json-view|react-cropper|amis-ui\/lib\/components\/(Tinymce|RichText|PdfViewer|Markdown|BarCode|CityDB))(\/.*)?$/;
  const fromAmis = (importer: string) => /[\\/]node_modules[\\/](amis|amis-ui|amis-core|react-overlays)[\\/]/.test(importer);
  return {
    name: 'amis-deps',
    setup(b) {
      b.onResolve({ filter: lazy }, (args) => (args.kind === 'dynamic-import' && fromAmis(args.importer) ? { path: args.path, external: true } : undefined));
      b.onResolve({ filter: /^mobx-react-lite$/ }, async (args) => {
        const amis = /^(.*[\\/]node_modules[\\/]amis)[\\/]/.exec(args.importer)?.[1];
        if (!amis) return undefined;
        const lite = join(amis, 'node_modules', 'mobx-react', 'node_modules', 'mobx-react-lite');
        const r = await b.resolve('./', { resolveDir: lite, kind: args.kind });
        return { path: r.path };
      });
      b.onResolve({ filter: /^@popperjs\/core\/lib\// }, (args) => (fromAmis(args.importer) ? { path: args.path, namespace: 'popper-lib', pluginData: args.resolveDir } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'popper-lib' }, (args) => {
        const m = /\/modifiers\/(\w+)$/.exec(args.path);
        return { contents: m ? `export { ${m[1]} as default } from '@popperjs/core';` : "export * from '@popperjs/core';", resolveDir: args.pluginData as string, loader: 'js' };
      });
    },
  };
}
