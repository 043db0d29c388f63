/** Walking a page's same-origin frames, for code that must reach every document the engine scans. */

/** How deep nested frames are followed (a frameset inside a frame inside …); deeper ones are left out. */
export const MAX_FRAME_DEPTH = 4;

/**
 * The document and its same-origin frames (iframe and frame), nested, in document order and
 * parent first; frames whose document cannot be reached (cross-origin, not loaded) are left out.
 */
export function sameOriginDocuments(doc: Document, depth = 0, out: Document[] = []): Document[] {
  out.push(doc);
  if (depth > MAX_FRAME_DEPTH) return out;
  for (const f of Array.from(doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'))) {
    let inner: Document | null = null;
    try { inner = f.contentDocument; } catch { inner = null; }
    if (inner) sameOriginDocuments(inner, depth + 1, out);
  }
  return out;
}
