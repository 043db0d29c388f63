/**
 * Messages between the in-page launcher (content script) and the background. Pure: both sides
 * import it. The background answers only its own content scripts in a tab (sender.id is this
 * extension, sender.tab is set); a page cannot send these at all (no externally_connectable).
 */
export const LAUNCHER_OPEN = 'lvzhi.launcher.open';
export const LAUNCHER_PREFS = 'lvzhi.launcher.prefs';
export const LAUNCHER_MOVED = 'lvzhi.launcher.moved';

/** What a launcher button asks for: the plan of this page, the panel, or the fields that appeared since the fill. */
export type LauncherIntent = 'fill' | 'panel' | 'continue';

/** chrome.storage.local: the panel's language (the panel writes it; the launcher follows it). */
export const LANG_STORAGE_KEY = 'lvzhi.lang';
/** chrome.storage.local: the launcher's place per portal origin. */
export const POSITIONS_KEY = 'lvzhi.launcher.positions';
/** At most this many origins keep a place (oldest dropped). */
export const MAX_POSITIONS = 200;

export interface LauncherPrefs { lang: 'zh' | 'en'; position?: { left: number; top: number } }

/** Parses a stored position map, keeping only well-formed entries. */
export function readPositions(v: unknown): Record<string, { left: number; top: number }> {
  const out: Record<string, { left: number; top: number }> = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, p] of Object.entries(v as Record<string, unknown>)) {
    const q = p as { left?: unknown; top?: unknown } | null;
    if (q && Number.isFinite(q.left) && Number.isFinite(q.top) && /^https?:\/\/[^/]+$/.test(k)) out[k] = { left: Math.round(q.left as number), top: Math.round(q.top as number) };
  }
  return out;
}

/** Sets one origin's place, bounded to MAX_POSITIONS origins (the newest kept). */
export function withPosition(map: Record<string, { left: number; top: number }>, origin: string, pos: { left: number; top: number }): Record<string, { left: number; top: number }> {
  const rest = Object.entries(map).filter(([k]) => k !== origin);
  const kept = rest.slice(Math.max(0, rest.length - (MAX_POSITIONS - 1)));
  return { ...Object.fromEntries(kept), [origin]: { left: Math.round(pos.left), top: Math.round(pos.top) } };
}
