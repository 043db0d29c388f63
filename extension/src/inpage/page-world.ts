/**
 * The MAIN-world helper, injected by the background (background/portals.ts) into the frames of
 * a portal tab when the launcher asks, right before a fill. The launcher's content script runs in an isolated
 * world, where the expandos frameworks keep on DOM nodes (Vue's `_value` and vnode tree,
 * React's fiber) are invisible; undo of a radio group that had nothing chosen needs them, since
 * a click can choose a radio but never un-choose one. This script only answers one event,
 * dispatched on a radio input, asking to read that radio group's model or to put back a
 * primitive value (see listenForPageWorldRequests); it exposes no function or data to the page.
 */
// imported from its file, not the package's ./dom/autofill entry, so the helper carries none of the engine
import { listenForPageWorldRequests } from '../../../shared/src/dom/autofill/framework-state.ts';

const flag = '__lvzhiPageWorld';
const w = window as unknown as Record<string, unknown>;
if (!Object.prototype.hasOwnProperty.call(w, flag)) {
  Object.defineProperty(w, flag, { value: true, enumerable: false });
  listenForPageWorldRequests(document);
}
