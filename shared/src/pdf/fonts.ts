/**
 * Fonts for the minutes: TrueType-outline (glyf) CJK fonts given as bytes, embedded as subsets.
 * No Node imports: the caller loads the bytes (the CLI from node_modules, the extension from
 * its own packaged .ttf files), so fonts load only where PDFs are made.
 *
 * Why `evenGlyphFontkit`: @pdf-lib/fontkit 1.1.1 writes a subset with a *short* `loca` table
 * (offsets stored halved) whenever the glyph data is under 64 KB, but copies each glyph's bytes
 * unpadded. Noto Serif SC stores glyphs of odd length (e.g. "：" is 75 bytes), so every glyph
 * after the first odd one is read one byte off: blank or wrong glyphs on the page, although
 * pdftotext still extracts the right text ("签名：张建国" drawn as "签名 建"). Padding each
 * glyph to an even length (a trailing zero byte is allowed by the TrueType spec) fixes it.
 */
import fontkit, { type Font as FontkitFont } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The default fonts (SIL OFL 1.1): Noto Serif SC for the body (in place of 仿宋), its bold for
 * labels and the title (in place of 小标宋), Noto Sans SC bold for headings (in place of 黑体).
 * Only these three files are used.
 */
export const DEFAULT_FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  heading: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/**
 * Font bytes per role, as GB/T 9704 names them: body text (仿宋), bold labels, the title
 * (小标宋, default the bold font) and headings (黑体, default the bold font). Missing roles fall
 * back to bold, then regular.
 */
export interface FontSet {
  regular: Uint8Array;
  bold?: Uint8Array;
  title?: Uint8Array;
  heading?: Uint8Array;
}

/**
 * Refuses a font that cannot be embedded correctly, with the reason: CFF-outline OpenType (.otf)
 * fonts draw blank glyphs when subset by pdf-lib and would be declared as TrueType (CIDFontType2
 * with /FontFile2) when embedded whole, which poppler rejects on every page.
 */
export function checkEmbeddable(bytes: Uint8Array, what = '字体'): FontMetrics {
  const m = fontMetrics(bytes);
  if (!m.isTrueType) {
    throw new FontError(
      `${what} ${m.postscriptName} 是 CFF 轮廓的 OpenType 字体（.otf），不能正确嵌入 PDF：请改用同一字体的 TrueType 版本（.ttf，如 仿宋_GB2312.ttf、NotoSerifSC-Regular.ttf）。 / ${m.postscriptName} is a CFF-outline OpenType font (.otf), which cannot be embedded correctly: use a TrueType (.ttf) font`,
    );
  }
  return m;
}

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

function padGlyphs(subset: SubsetInternals): void {
  const add = subset._addGlyph;
  subset._addGlyph = function (this: SubsetInternals, gid: number): number {
    const index = add.call(this, gid);
    const buf = this.glyf[index];
    if (buf && buf.length % 2 === 1) {
      // Same class as the library's own buffers (its bundled Buffer polyfill checks the type).
      const Ctor = buf.constructor as { alloc?: (n: number) => Uint8Array } & (new (n: number) => Uint8Array);
      const padded = typeof Ctor.alloc === 'function' ? Ctor.alloc(buf.length + 1) : new Ctor(buf.length + 1);
      padded.set(buf);
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
}

/**
 * @pdf-lib/fontkit with the subset fix above (per font instance; the library itself is not changed).
 * `cmapOnly`: glyphs straight from the cmap instead of fontkit's full OpenType layout (GSUB/GPOS),
 * which is what Chinese text needs and several times faster (pdf-lib lays out every string it
 * encodes); Latin kerning and ligatures are not applied.
 */
export function fixedFontkit(options: { cmapOnly?: boolean } = {}): Fontkit {
  return {
    create(buffer: Uint8Array, postscriptName?: string) {
      const font = makeFixedFont(buffer, postscriptName);
      if (options.cmapOnly) {
        const f = font as unknown as { layout: (text: string) => unknown; glyphForCodePoint(cp: number): { advanceWidth: number } };
        f.layout = (text: string) => {
          const glyphs = [...text].map((ch) => f.glyphForCodePoint(ch.codePointAt(0)!));
          return { glyphs, positions: glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
        };
      }
      return font as never;
    },
  };
}

/** @pdf-lib/fontkit with the even-length glyph fix. */
export const evenGlyphFontkit: Fontkit = fixedFontkit();

function makeFixedFont(buffer: Uint8Array, postscriptName?: string): FontkitFont {
  {
    const font = fontkit.create(buffer, postscriptName);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as SubsetInternals;
      // TTFSubset only (CFF subsets have no _addGlyph); `glyf` is made in encode(), before _addGlyph runs.
      if (typeof subset._addGlyph === 'function') padGlyphs(subset);
      return subset as never;
    };
    return font;
  }
}

export class FontError extends Error {
  constructor(message: string, readonly missing: MissingCharacter[] = []) {
    super(message);
    this.name = 'FontError';
  }
}

export interface MissingCharacter {
  char: string;
  codePoint: string;
  name: string;
  /** Where the character occurs (the part or field label). */
  where: string;
}

/** A Unicode-style name for a character: the CJK ideograph names are systematic; others get their code point. */
export function characterName(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const ideograph =
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x323af);
  if (ideograph) return `CJK UNIFIED IDEOGRAPH-${hex}`;
  if (cp >= 0xf900 && cp <= 0xfaff) return `CJK COMPATIBILITY IDEOGRAPH-${hex}`;
  if (cp >= 0xe000 && cp <= 0xf8ff) return `PRIVATE USE-${hex}`;
  return `U+${hex}`;
}

/** Glyph metrics of one font, cached per code point; widths in em (1 = the font size). */
export class FontMetrics {
  readonly font: FontkitFont;
  readonly isTrueType: boolean;
  readonly postscriptName: string;
  private readonly widths = new Map<number, number>();
  private readonly scale: number;

  constructor(readonly bytes: Uint8Array) {
    let font: FontkitFont;
    try {
      font = fontkit.create(bytes);
    } catch (e) {
      throw new FontError(`无法读取字体文件 / cannot read the font file: ${(e as Error).message}`);
    }
    if ('fonts' in (font as object)) throw new FontError('字体集合（.ttc）不能直接使用，请提供单个 .ttf 字体 / a font collection (.ttc) cannot be used; give one .ttf font');
    this.font = font;
    const tables = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
    this.isTrueType = 'glyf' in tables;
    this.postscriptName = font.postscriptName ?? 'Font';
    this.scale = 1 / font.unitsPerEm;
  }

  has(codePoint: number): boolean {
    if (codePoint === 0x20 || codePoint === 0x0a) return true;
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /** Advance width of one character in em. */
  advance(codePoint: number): number {
    let w = this.widths.get(codePoint);
    if (w === undefined) {
      w = this.font.glyphForCodePoint(codePoint).advanceWidth * this.scale;
      this.widths.set(codePoint, w);
    }
    return w;
  }

  /** Width of a string in points at `size`, with `spacing` points added after each character. */
  width(text: string, size: number, spacing = 0): number {
    let em = 0;
    let n = 0;
    for (const ch of text) {
      em += this.advance(ch.codePointAt(0)!);
      n++;
    }
    return em * size + n * spacing;
  }

  /** Ascender in em (for placing baselines). */
  get ascent(): number {
    return this.font.ascent * this.scale;
  }
}

const metricsCache = new WeakMap<Uint8Array, FontMetrics>();

/** FontMetrics for font bytes, made once per byte array. */
export function fontMetrics(bytes: Uint8Array): FontMetrics {
  let m = metricsCache.get(bytes);
  if (!m) {
    m = new FontMetrics(bytes);
    metricsCache.set(bytes, m);
  }
  return m;
}

/**
 * Every character of `texts` that the font cannot draw, once each, with where it first occurs.
 * `texts` pairs a place (e.g. "出席") with its text.
 */
export function findMissingCharacters(metrics: FontMetrics, texts: Iterable<readonly [where: string, text: string]>): MissingCharacter[] {
  const seen = new Set<number>();
  const out: MissingCharacter[] = [];
  for (const [where, text] of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (seen.has(cp)) continue;
      seen.add(cp);
      if (cp < 0x20 || metrics.has(cp)) continue;
      out.push({ char: ch, codePoint: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, name: characterName(ch), where });
    }
  }
  return out;
}

/** The message for missing characters, e.g. 字体中没有以下字符：“𠮷”（U+20BB7，CJK UNIFIED IDEOGRAPH-20BB7，见“出席”）. */
export function missingCharactersMessage(missing: readonly MissingCharacter[], fontName: string): string {
  const list = missing.map((m) => `“${m.char}”（${m.codePoint}，${m.name}，见“${m.where}”）`).join('、');
  const en = missing.map((m) => `${m.codePoint} ${m.name} in "${m.where}"`).join(', ');
  return `字体 ${fontName} 中没有以下字符，不能生成：${list}。请改用含这些字符的字体（--font），或改写这些字。 / the font ${fontName} lacks: ${en}`;
}

/** A six-letter subset tag (ABCDEF+), as PDF readers expect on subset fonts; stable per font and text. */
export function subsetTag(seed: string): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) + i * 7919;
  }
  return tag;
}
