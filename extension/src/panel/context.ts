import { createContext, useContext } from 'react';
import { TEXTS, type Lang, type TextKey } from './i18n.ts';

export interface PanelContextValue {
  lang: Lang;
  t: (key: TextKey) => string;
  /** The portal tab the panel works on. */
  tabId: number | undefined;
}

export const PanelContext = createContext<PanelContextValue>({ lang: 'zh', t: (k) => TEXTS.zh[k], tabId: undefined });
export const usePanel = () => useContext(PanelContext);
