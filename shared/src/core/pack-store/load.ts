/**
 * Loading packs from storage checks them again (issue 13 part 4). A pack is verified when it
 * arrives, but storage can be changed afterwards — by another program on the machine, a synced
 * or copied profile, or a bug that once let a content script write there. So every load checks
 * each active version once more:
 * - a signed version: its kept signature over the stored pack, by a key trusted *now* (a key
 *   removed since no longer vouches), and for the built-in namespace (lvzhi.*) a key the
 *   managed policy names;
 * - a version that came from a URL or the policy must carry a signature at all;
 * - a built-in version must equal the pack bundled with the extension under that version.
 * A version that fails is not used: the newest kept version that passes is, else the bundled
 * built-in of that id, else the pack is left out — and each refusal is reported.
 */
import type { PackDefinition } from '../pack-schema.ts';
import { issue, type ValidationIssue } from '../issues.ts';
import { canonicalJson } from '../pack-signing/canonical-json.ts';
import { SIGNED_PACK_FORMAT, verifySignedPack } from '../pack-signing/envelope.ts';
import type { TrustedKey } from '../pack-signing/keys.ts';
import type { PackStoreState, PackVersionEntry } from './types.ts';
import { activeVersion } from './store.ts';

export interface LoadContext {
  /** The key ring in force (trustedKeyRing: policy keys marked managed). */
  trusted: ReadonlyArray<TrustedKey & { managed?: boolean }>;
  /** The packs bundled with this build. */
  builtins: readonly PackDefinition[];
}

export interface LoadRefusal { id: string; version: string; issues: ValidationIssue[] }

const BUILTIN_NAMESPACE = 'lvzhi.';

async function checkEntry(id: string, entry: PackVersionEntry, ctx: LoadContext): Promise<ValidationIssue[]> {
  const source = `${id}@${entry.version}`;
  const bad = (code: string, zh: string, en: string) => [{ source, ...issue([], code, zh, en) }];
  if (entry.pack?.id !== id || entry.pack.version !== entry.version) {
    return bad('stored-mismatch', `存储的定义包 ${id} 与其版本记录不符`, `the stored pack ${id} does not match its version entry`);
  }
  if (entry.origin === 'builtin') {
    const bundled = ctx.builtins.find((b) => b.id === id && b.version === entry.version);
    if (!bundled || canonicalJson(bundled) !== canonicalJson(entry.pack)) {
      return bad('builtin-changed', `存储的内置定义包 ${source} 与扩展自带的不一致：已改用自带版本`, `the stored built-in pack ${source} differs from the one bundled with the extension: the bundled one is used`);
    }
    return [];
  }
  if (entry.signature) {
    if (!entry.signature.value) {
      return bad('signature-missing', `存储的定义包 ${source} 缺少签名值，无法再次核验`, `the stored pack ${source} has no signature value to verify again`);
    }
    const envelope = { format: SIGNED_PACK_FORMAT, pack: entry.pack, signature: { alg: 'ES256', kid: entry.signature.kid, signedAt: entry.signature.signedAt, value: entry.signature.value } };
    const v = await verifySignedPack(envelope, ctx.trusted, source);
    if (!v.ok) return v.issues;
    const key = ctx.trusted.find((k) => k.kid === v.key.kid);
    if (id.startsWith(BUILTIN_NAMESPACE) && !key?.managed) {
      return bad('builtin-id', `定义包 ${id} 属于内置命名空间（lvzhi.*）：只有单位策略指定的公钥签名后才能替换`, `pack ${id} is in the built-in namespace (lvzhi.*): only a key named by the managed policy may replace it`);
    }
    return [];
  }
  if (entry.origin === 'url' || entry.origin === 'managed') {
    return bad('unsigned', `存储的定义包 ${source} 来自网络或策略却没有签名`, `the stored pack ${source} came from a URL or the policy but carries no signature`);
  }
  if (entry.origin === 'file' && id.startsWith(BUILTIN_NAMESPACE)) {
    return bad('builtin-id', `未签名的定义包不能替换内置定义包 ${id}`, `an unsigned pack cannot replace the built-in pack ${id}`);
  }
  return []; // an unsigned file or a studio edit: a local choice (lockTrust forbids it when it arrives)
}

/** The enabled packs, each at its active version if that verifies again, with the refusals. */
export async function verifiedActivePacks(state: PackStoreState, ctx: LoadContext): Promise<{ packs: PackDefinition[]; refused: LoadRefusal[] }> {
  const packs: PackDefinition[] = [];
  const refused: LoadRefusal[] = [];
  for (const p of state.packs) {
    if (!p.enabled || p.versions.length === 0) continue;
    const active = activeVersion(p);
    const order = [active, ...[...p.versions].reverse().filter((v) => v !== active)];
    let chosen: PackDefinition | undefined;
    for (const entry of order) {
      const issues = await checkEntry(p.id, entry, ctx);
      if (issues.length === 0) { chosen = entry.pack; break; }
      refused.push({ id: p.id, version: entry.version, issues });
    }
    chosen ??= [...ctx.builtins].reverse().find((b) => b.id === p.id);
    if (chosen) packs.push(chosen);
  }
  return { packs, refused };
}
