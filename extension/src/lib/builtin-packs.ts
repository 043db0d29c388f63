/**
 * The built-in packs as the build put them in the extension: forms/dist/index.json (an array of
 * packs, written by `lvzhi pack build`, run by the extension's build script) is bundled into the
 * page and checked with the shared validator before anything uses it.
 */
import packsJson from '@lvzhi/forms/dist/index.json';
import { checkPacks, type PackList } from './pack-list.ts';

export function loadBuiltinPacks(): PackList {
  return checkPacks(packsJson);
}
