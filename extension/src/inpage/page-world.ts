/**
 * The MAIN-world helper, injected by the background (background/portals.ts) into the frames of
 * a portal tab when the launcher asks, before its first scan. The launcher's content script runs in
 * an isolated world, where the expandos frameworks keep on DOM nodes (Vue's `_value` and vnode
 * tree, React's fiber) are invisible. The engine needs them to read back what a widget's model
 * holds after a fill (a field is "filled" only when the model holds the value), a grid's row data
 * and a picker's props (format, type), and for undo of a radio group that had nothing chosen
 * (a click can choose a radio but never un-choose one). It only reads, except that radio undo.
 *
 * It leaves nothing the page can find (issue 13 part 6): no global, no fixed event name that
 * answers. It waits for one `lvzhi-page-world-init` event whose detail is a random channel name
 * the content script chose; it takes the first one, removes that listener, and from then on
 * answers only requests on that random channel (see listenForPageWorldRequests). A page that
 * sends the init first only gets a channel to its own radios, which it could change anyway;
 * the launcher's undo then reports those radios for the user to undo by hand.
 */
// imported from its file, not the package's ./dom/autofill entry, so the helper carries none of the engine
import { listenForPageWorldRequests } from '../../../shared/src/dom/autofill/framework-state.ts';
import { PAGE_WORLD_INIT, isChannelName } from './page-world-channel.ts';

const onInit = (e: Event) => {
  const name = (e as CustomEvent<unknown>).detail;
  if (!isChannelName(name)) return;
  document.removeEventListener(PAGE_WORLD_INIT, onInit, true);
  listenForPageWorldRequests(document, { request: `${name}-q`, reply: `${name}-a` });
};
document.addEventListener(PAGE_WORLD_INIT, onInit, true);
