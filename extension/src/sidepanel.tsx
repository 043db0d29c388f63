/**
 * The staff panel (chrome-extension://ID/sidepanel.html): the Chrome side panel, or the same
 * page in its own window (Chromium < 114) or in a tab bound to a portal tab (`?tab=ID`).
 */
import { PanelRoot } from './panel/PanelRoot.tsx';

export default PanelRoot;
