/**
 * Entry of the standalone bundle `shared/dist/lvzhi-autofill.js`: the engine on `window.Lvzhi`
 * with the built-in packs (injected at build time by shared/scripts/build-autofill.ts).
 */
import type { PackDefinition } from '../../core/pack-schema.ts';
import { createAutofill } from './standalone-api.ts';

declare const __LVZHI_BUILTIN_PACKS__: PackDefinition[] | undefined;

const packs: PackDefinition[] = typeof __LVZHI_BUILTIN_PACKS__ !== 'undefined' ? __LVZHI_BUILTIN_PACKS__ : [];
(globalThis as unknown as { Lvzhi: unknown }).Lvzhi = { ...createAutofill(packs), packs };
