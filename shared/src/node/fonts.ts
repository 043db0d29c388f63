/** The default minutes fonts from node_modules (Node only; the extension ships its own copies). */
import { createRequire } from 'node:module';
import { DEFAULT_FONT_FILES, type FontSet } from '../pdf/fonts.ts';
import { readInputFile } from './outputs.ts';

let cached: Promise<FontSet> | undefined;

/** Noto Serif SC regular and bold (body, labels, title) and Noto Sans SC bold (headings, 黑体's place). */
export function defaultFonts(): Promise<FontSet> {
  cached ??= (async () => {
    const require = createRequire(import.meta.url);
    const [regular, bold, heading] = await Promise.all(
      (['regular', 'bold', 'heading'] as const).map((role) => readInputFile(require.resolve(DEFAULT_FONT_FILES[role]), '字体')),
    );
    return { regular: regular!, bold: bold!, heading: heading! };
  })();
  cached.catch(() => (cached = undefined));
  return cached;
}
