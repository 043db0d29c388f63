/**
 * Pure operations on the pack store: every function takes a state and returns a new one with an
 * outcome; nothing here touches chrome.*, the network or a clock other than `now`. The rules:
 *
 * - A pack is accepted only when it passes validatePackSet together with the enabled packs
 *   (its dependencies), and does not break a pack that requires it.
 * - URL and managed packs must be signed envelopes verified by a trusted key; a file may be
 *   unsigned, but a signature it carries must verify.
 * - A refused offer changes nothing but the record of why: the last good version stays active.
 * - No downgrade by offer (roll back is explicit); the same version with other content is refused.
 * - Managed packs cannot be removed, disabled, rolled back or edited; built-in packs cannot be removed.
 */
import semver from 'semver';
import { issue, type PathSegment, type ValidationIssue } from '../issues.ts';
import type { PackDefinition, FormDefinition } from '../pack-schema.ts';
import { validatePackSet } from '../validate-pack.ts';
import { canonicalJson } from '../pack-signing/canonical-json.ts';
import { looksSigned, MAX_PACK_BYTES, parsePackText, verifySignedPack } from '../pack-signing/envelope.ts';
import type { TrustedKey } from '../pack-signing/keys.ts';
import {
  MAX_VERSIONS_KEPT, PACK_STORE_FORMAT,
  type ChangeResult, type InstalledPack, type ManagedPolicy, type OfferResult, type PackOrigin, type PackSource,
  type PackStoreState, type PackVersionEntry, type RefusedOffer, type SignatureInfo, type Subscription,
} from './types.ts';
import { BUILTIN_NAMESPACE, idInScope } from './types.ts';

export function emptyPackStore(): PackStoreState {
  return { format: PACK_STORE_FORMAT, packs: [], subscriptions: [], trustedKeys: [] };
}

/** Reads a stored state defensively (an old or damaged value gives an empty store). */
export function readPackStore(raw: unknown): PackStoreState {
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== PACK_STORE_FORMAT) return emptyPackStore();
  const s = raw as Partial<PackStoreState>;
  return {
    format: PACK_STORE_FORMAT,
    packs: Array.isArray(s.packs) ? s.packs : [],
    subscriptions: Array.isArray(s.subscriptions) ? s.subscriptions : [],
    trustedKeys: Array.isArray(s.trustedKeys) ? s.trustedKeys : [],
    ...(s.keyScopes && typeof s.keyScopes === 'object' && !Array.isArray(s.keyScopes) ? { keyScopes: s.keyScopes } : {}),
  };
}

const fail = (source: string, path: PathSegment[], code: string, zh: string, en: string): ValidationIssue => ({ source, ...issue(path, code, zh, en) });

export function findPack(state: PackStoreState, id: string): InstalledPack | undefined {
  return state.packs.find((p) => p.id === id);
}

export function activeVersion(p: InstalledPack): PackVersionEntry {
  return p.versions[p.active] ?? p.versions[p.versions.length - 1]!;
}

/** The packs in force: enabled, at their active version. */
export function activePacks(state: PackStoreState): PackDefinition[] {
  return state.packs.filter((p) => p.enabled && p.versions.length > 0).map((p) => activeVersion(p).pack);
}

/**
 * A form as a record made under it needs it: the given form version from any kept version of
 * the pack (active first), or the active form when no version is asked.
 */
export function findForm(state: PackStoreState, packId: string, formId: string, formVersion?: number): FormDefinition | undefined {
  const p = findPack(state, packId);
  if (!p) return undefined;
  const order = [activeVersion(p), ...[...p.versions].reverse()];
  for (const v of order) {
    const form = v.pack.forms?.find((f) => f.id === formId && (formVersion === undefined || f.version === formVersion));
    if (form) return form;
  }
  return undefined;
}

export function isManaged(p: InstalledPack): boolean {
  return p.source.kind === 'managed';
}

function replacePack(state: PackStoreState, next: InstalledPack): PackStoreState {
  const exists = state.packs.some((p) => p.id === next.id);
  return { ...state, packs: exists ? state.packs.map((p) => (p.id === next.id ? next : p)) : [...state.packs, next] };
}

function labelOf(p: { id: string; version: string }): string {
  return `${p.id}@${p.version}`;
}

/**
 * Validates `candidate` in place of the active version of its id, with the other enabled packs.
 * Returns the candidate's own issues and those it newly causes in other packs.
 */
export function checkInSet(state: PackStoreState, candidate: PackDefinition, source: string): ValidationIssue[] {
  const others = state.packs.filter((p) => p.enabled && p.id !== candidate.id && p.versions.length > 0).map((p) => activeVersion(p).pack);
  const before = validatePackSet(others.map((pack) => ({ source: labelOf(pack), json: pack })));
  const seen = new Set(before.issues.map((i) => `${i.source}|${i.code}|${i.path.join('.')}`));
  const after = validatePackSet([...others.map((pack) => ({ source: labelOf(pack), json: pack })), { source, json: candidate }]);
  const own = after.issues.filter((i) => i.source === source);
  const broken = after.issues.filter((i) => i.source !== source && !seen.has(`${i.source}|${i.code}|${i.path.join('.')}`));
  return [
    ...own,
    ...broken.map((i) => ({
      ...i,
      message: `会破坏依赖它的定义包 ${i.source}：${i.message}`,
      messageEn: `would break ${i.source}, which requires it: ${i.messageEn}`,
    })),
  ];
}

export interface Offer {
  origin: PackOrigin;
  /** The file or response body (size-limited and parsed here), or an already parsed value. */
  body: string | Uint8Array | { json: unknown };
  url?: string;
  fileName?: string;
  note?: string;
}

export interface OfferContext {
  /** Keys in force; `managed`/`scope` as trustedKeyRing gives them (a plain key counts as a user key without scope). */
  trusted: readonly (TrustedKey & { managed?: boolean; scope?: string[] })[];
  now: Date;
  maxBytes?: number;
  /** Policy lockTrust: file import refused. */
  lockTrust?: boolean;
}

/** Two refusals that differ only in when they happened. */
export function sameRefusal(a: { at: string } | undefined, b: { at: string }): boolean {
  if (!a) return false;
  const { at: _a, ...restA } = a;
  const { at: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

function refuse(state: PackStoreState, offer: Offer, now: Date, issues: ValidationIssue[], packId?: string, version?: string): { state: PackStoreState; result: OfferResult } {
  let next = state;
  const existing = packId ? findPack(state, packId) : undefined;
  if (existing) {
    const refused: RefusedOffer = {
      at: now.toISOString(), origin: offer.origin, issues,
      ...(offer.url ? { url: offer.url } : {}), ...(offer.fileName ? { fileName: offer.fileName } : {}), ...(version ? { version } : {}),
    };
    // The same refusal again (a refresh of the same bad file) is not news: keep the first one, so
    // that nothing is written.
    if (!sameRefusal(existing.refused, refused)) next = replacePack(state, { ...existing, refused });
  }
  return { state: next, result: { status: 'refused', ...(packId ? { packId } : {}), ...(version ? { version } : {}), issues } };
}

function sourceFor(offer: Offer, existing: InstalledPack | undefined): PackSource {
  if (offer.origin === 'managed') return { kind: 'managed', url: offer.url ?? '' };
  // A built-in pack replaced from a URL or file is no longer labelled built-in (issue 13 part 4).
  if (existing && !(existing.source.kind === 'builtin' && (offer.origin === 'url' || offer.origin === 'file'))) return existing.source;
  switch (offer.origin) {
    case 'builtin': return { kind: 'builtin' };
    case 'url': return { kind: 'url', url: offer.url ?? '' };
    case 'file': return { kind: 'file', name: offer.fileName ?? '' };
    case 'studio': return { kind: 'studio' };
  }
}

/**
 * Offers a pack to the store: from a file, a URL, the policy, the studio or the bundle. Either
 * it becomes the active version of its pack, or it is refused with the reasons and the store
 * keeps what it had (plus the record of the refusal).
 */
export async function offerPack(state: PackStoreState, offer: Offer, ctx: OfferContext): Promise<{ state: PackStoreState; result: OfferResult }> {
  const source = offer.url ?? offer.fileName ?? offer.origin;
  let json: unknown;
  if (typeof offer.body === 'object' && !(offer.body instanceof Uint8Array)) {
    json = offer.body.json;
  } else {
    const parsed = parsePackText(offer.body, source, ctx.maxBytes ?? MAX_PACK_BYTES);
    if (!parsed.ok) return refuse(state, offer, ctx.now, parsed.issues, subscriptionPackId(state, offer.url));
    json = parsed.json;
  }
  const claimedId = (x: unknown) => {
    const id = (x as { pack?: { id?: unknown }; id?: unknown } | null);
    const v = looksSigned(x) ? id?.pack?.id : id?.id;
    return typeof v === 'string' ? v : subscriptionPackId(state, offer.url);
  };
  if (ctx.lockTrust && offer.origin === 'file') {
    return refuse(state, offer, ctx.now, [fail(source, [], 'locked', '单位策略已锁定信任设置：不能从文件导入定义包', 'trust is locked by policy: packs cannot be imported from a file')], claimedId(json));
  }
  let signature: SignatureInfo | undefined;
  let signer: OfferContext['trusted'][number] | undefined;
  const mustBeSigned = offer.origin === 'url' || offer.origin === 'managed';
  if (looksSigned(json)) {
    const verified = await verifySignedPack(json, ctx.trusted, source);
    if (!verified.ok) return refuse(state, offer, ctx.now, verified.issues, claimedId(json));
    signer = ctx.trusted.find((k) => k.kid === verified.key.kid) ?? verified.key;
    signature = { kid: verified.key.kid, signedAt: verified.signature.signedAt, value: verified.signature.value, ...(verified.key.name ? { keyName: verified.key.name } : {}) };
    json = verified.pack;
  } else if (mustBeSigned) {
    const v = await verifySignedPack(json, ctx.trusted, source); // gives the "unsigned" reason
    return refuse(state, offer, ctx.now, v.ok ? [] : v.issues, claimedId(json));
  }

  // Shape and references, with the packs it requires.
  const shape = validatePackSet([{ source, json }]);
  const pack = shape.parsedPacks[0];
  const id = typeof (json as { id?: unknown } | null)?.id === 'string' ? (json as { id: string }).id : undefined;
  const version = typeof (json as { version?: unknown } | null)?.version === 'string' ? (json as { version: string }).version : undefined;
  if (!pack) return refuse(state, offer, ctx.now, shape.issues.filter((i) => i.source === source), id ?? subscriptionPackId(state, offer.url), version);
  const existing = findPack(state, pack.id);

  const scopeIssue = trustScopeIssue(state, offer, source, pack.id, signer);
  if (scopeIssue) return refuse(state, offer, ctx.now, [scopeIssue], pack.id, pack.version);

  if (existing && isManaged(existing) && offer.origin !== 'managed') {
    return refuse(state, offer, ctx.now, [fail(source, [], 'managed', `定义包 ${pack.id} 由单位统一管理，不能由此替换`, `pack ${pack.id} is managed by policy and cannot be replaced from here`)], pack.id, pack.version);
  }
  if (existing) {
    const current = activeVersion(existing);
    const same = canonicalJson(current.pack) === canonicalJson(pack);
    if (same && signature && !current.signature?.value) {
      // stored before signatures were kept for load-time checks: keep this one, the pack is the same
      const versions = existing.versions.map((v) => (v === current ? { ...v, signature } : v));
      return { state: replacePack(state, { ...existing, versions }), result: { status: 'unchanged', packId: pack.id, version: pack.version, issues: [] } };
    }
    if (same) return { state, result: { status: 'unchanged', packId: pack.id, version: pack.version, issues: [] } };
    const highest = highestVersion(existing);
    if (semver.valid(highest) && semver.lte(pack.version, highest)) {
      // At or below the highest version ever accepted: a kept version offered again (a refresh
      // after a rollback) changes nothing, the rollback is the user's choice; anything else is refused.
      const kept = existing.versions.find((v) => v.version === pack.version && canonicalJson(v.pack) === canonicalJson(pack));
      if (kept || offer.origin === 'builtin') return { state, result: { status: 'unchanged', packId: pack.id, version: current.version, issues: [] } };
      if (existing.versions.some((v) => v.version === pack.version)) {
        return refuse(state, offer, ctx.now, [fail(source, ['version'], 'same-version',
          `版本号 ${pack.version} 与已有版本相同，但内容不同：发布改动时请提高版本号`,
          `version ${pack.version} equals a kept version but the content differs: raise the version when publishing a change`)], pack.id, pack.version);
      }
      return refuse(state, offer, ctx.now, [fail(source, ['version'], 'downgrade',
        `版本 ${pack.version} 不高于已接受的最高版本 ${highest}：不接受旧版本（如需恢复旧版本，请使用“回滚”）`,
        `version ${pack.version} is not above the highest accepted ${highest}: older versions are not accepted (use roll back)`)], pack.id, pack.version);
    }
  }
  const issues = checkInSet(state, pack, source);
  if (issues.length > 0) return refuse(state, offer, ctx.now, issues, pack.id, pack.version);

  const entry: PackVersionEntry = {
    version: pack.version, pack, origin: offer.origin, installedAt: ctx.now.toISOString(),
    ...(offer.url ? { url: offer.url } : {}), ...(offer.fileName ? { fileName: offer.fileName } : {}),
    ...(signature ? { signature } : {}), ...(offer.note ? { note: offer.note } : {}),
  };
  const versions = trimVersions([...(existing?.versions ?? []), entry]);
  const next: InstalledPack = {
    id: pack.id,
    source: sourceFor(offer, existing),
    enabled: existing?.enabled ?? true,
    active: versions.length - 1,
    versions,
    highest: existing ? maxVersion(highestVersion(existing), pack.version) : pack.version,
  };
  return { state: replacePack(state, next), result: { status: 'installed', packId: pack.id, version: pack.version, issues: [] } };
}

/** The highest version this pack ever accepted (older stores: the highest kept). */
export function highestVersion(p: InstalledPack): string {
  return p.versions.reduce((m, v) => maxVersion(m, v.version), p.highest ?? '0.0.0');
}

function maxVersion(a: string, b: string): string {
  if (!semver.valid(a)) return b;
  if (!semver.valid(b)) return a;
  return semver.gt(b, a) ? b : a;
}

/**
 * Who may deliver which pack id (issue 13 part 4):
 * - built-in ids (lvzhi.*) only from the bundle, the local studio, or signed by a policy key;
 * - a user key with a scope only the ids in it;
 * - a subscription only the id it first delivered, or the ids of its scope.
 */
function trustScopeIssue(state: PackStoreState, offer: Offer, source: string, id: string, signer: OfferContext['trusted'][number] | undefined): ValidationIssue | undefined {
  if (offer.origin === 'builtin' || offer.origin === 'studio') return undefined;
  // Only a key the managed policy names may replace a built-in pack (lvzhi.*): a key trusted by
  // hand — or planted through a compromised page or a persuaded user — must not be able to swap
  // the forms every office relies on and keep the "built-in" label.
  if (id.startsWith(BUILTIN_NAMESPACE) && !signer?.managed) {
    return fail(source, ['id'], 'builtin-id', `定义包 ${id} 属于内置命名空间（lvzhi.*）：只有单位策略指定的公钥签名后才能替换`, `pack ${id} is in the built-in namespace (lvzhi.*): only a key named by the managed policy may replace it`);
  }
  if (signer && !signer.managed && signer.scope && !idInScope(id, signer.scope)) {
    return fail(source, ['id'], 'key-scope', `签名公钥 ${signer.kid} 只能签署 ${signer.scope.join('、')}，不能签署 ${id}`, `key ${signer.kid} may sign only ${signer.scope.join(', ')}, not ${id}`);
  }
  const sub = offer.url ? state.subscriptions.find((s) => s.url === offer.url) : undefined;
  if (sub) {
    const allowed = sub.scope ?? (sub.packId ? [sub.packId] : undefined);
    if (allowed && !idInScope(id, allowed)) {
      return fail(source, ['id'], 'subscription-scope', `此订阅只能提供 ${allowed.join('、')}，却提供了 ${id}`, `this subscription may deliver only ${allowed.join(', ')}, but delivered ${id}`);
    }
  }
  return undefined;
}

function trimVersions(versions: PackVersionEntry[]): PackVersionEntry[] {
  return versions.length > MAX_VERSIONS_KEPT ? versions.slice(versions.length - MAX_VERSIONS_KEPT) : versions;
}

function subscriptionPackId(state: PackStoreState, url: string | undefined): string | undefined {
  if (!url) return undefined;
  return state.subscriptions.find((s) => s.url === url)?.packId;
}

/** Installs the packs bundled with the extension (first run and after an update); never throws. */
export async function syncBuiltins(state: PackStoreState, builtins: readonly unknown[], now: Date): Promise<PackStoreState> {
  // Validated as a set first: the bundle's own packs require each other.
  const checked = validatePackSet(builtins.map((json, i) => ({ source: `builtin#${i}`, json })));
  let next = state;
  for (const pack of checked.packs) {
    const existing = findPack(next, pack.id);
    if (existing && existing.versions.some((v) => v.version === pack.version && canonicalJson(v.pack) === canonicalJson(pack))) continue;
    if (existing && existing.source.kind !== 'builtin') continue; // replaced by the administrator: theirs wins
    const r = await offerPack(next, { origin: 'builtin', body: { json: pack } }, { trusted: [], now });
    next = r.state;
  }
  return next;
}

const managedRefusal = (p: InstalledPack, zh: string, en: string): ChangeResult =>
  ({ ok: false, issues: [fail(p.id, [], 'managed', `定义包 ${p.id} 由单位统一管理（策略下发），${zh}`, `pack ${p.id} is managed by policy: ${en}`)] });

const notInstalled = (id: string): ChangeResult => ({ ok: false, issues: [fail(id, [], 'not-installed', `没有安装定义包 ${id}`, `pack ${id} is not installed`)] });

/** Packs (enabled) whose `requires` names `id`. */
function dependants(state: PackStoreState, id: string): string[] {
  return state.packs.filter((p) => p.enabled && p.id !== id && p.versions.length > 0 && Object.keys(activeVersion(p).pack.requires ?? {}).includes(id)).map((p) => p.id);
}

export function setPackEnabled(state: PackStoreState, id: string, enabled: boolean): { state: PackStoreState; result: ChangeResult } {
  const p = findPack(state, id);
  if (!p) return { state, result: notInstalled(id) };
  if (p.enabled === enabled) return { state, result: { ok: true } };
  if (isManaged(p)) return { state, result: managedRefusal(p, '不能停用', 'it cannot be disabled') };
  if (!enabled) {
    const deps = dependants(state, id);
    if (deps.length > 0) {
      return { state, result: { ok: false, issues: [fail(id, [], 'required', `不能停用 ${id}：${deps.join('、')} 依赖它，请先停用这些包`, `cannot disable ${id}: ${deps.join(', ')} require it; disable those first`)] } };
    }
  } else {
    const issues = checkInSet(state, activeVersion(p).pack, labelOf(activeVersion(p).pack));
    if (issues.length > 0) return { state, result: { ok: false, issues } };
  }
  return { state: replacePack(state, { ...p, enabled }), result: { ok: true } };
}

export function removePack(state: PackStoreState, id: string): { state: PackStoreState; result: ChangeResult } {
  const p = findPack(state, id);
  if (!p) return { state, result: notInstalled(id) };
  if (isManaged(p)) return { state, result: managedRefusal(p, '不能删除', 'it cannot be removed') };
  if (p.source.kind === 'builtin') {
    return { state, result: { ok: false, issues: [fail(id, [], 'builtin', `${id} 是内置定义包，不能删除（可以停用）`, `${id} is built in: it can be disabled, not removed`)] } };
  }
  const deps = dependants(state, id);
  if (deps.length > 0) {
    return { state, result: { ok: false, issues: [fail(id, [], 'required', `不能删除 ${id}：${deps.join('、')} 依赖它`, `cannot remove ${id}: ${deps.join(', ')} require it`)] } };
  }
  return {
    state: { ...state, packs: state.packs.filter((x) => x.id !== id), subscriptions: state.subscriptions.filter((s) => s.managed || s.packId !== id) },
    result: { ok: true },
  };
}

/** Makes an earlier kept version active again (validated like any new version). */
export function rollBack(state: PackStoreState, id: string, index: number, now: Date): { state: PackStoreState; result: ChangeResult } {
  const p = findPack(state, id);
  if (!p) return { state, result: notInstalled(id) };
  if (isManaged(p)) return { state, result: managedRefusal(p, '不能回滚', 'it cannot be rolled back') };
  const target = p.versions[index];
  if (!target) return { state, result: { ok: false, issues: [fail(id, [], 'no-version', `没有第 ${index + 1} 个历史版本`, `there is no version #${index + 1}`)] } };
  if (index === p.active) return { state, result: { ok: true } };
  const issues = checkInSet(state, target.pack, labelOf(target.pack));
  if (issues.length > 0) return { state, result: { ok: false, issues } };
  void now;
  return { state: replacePack(state, { ...p, active: index }), result: { ok: true } };
}

// ---------------------------------------------------------------- subscriptions and policy

export function validPackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost'));
  } catch {
    return false;
  }
}

export function subscribe(state: PackStoreState, url: string, now: Date): { state: PackStoreState; result: ChangeResult } {
  if (!validPackUrl(url)) {
    return { state, result: { ok: false, issues: [fail(url, [], 'bad-url', '订阅地址应为 https:// 地址（本机测试可用 http://127.0.0.1）', 'a subscription must be an https:// URL (http://127.0.0.1 for local testing)')] } };
  }
  if (state.subscriptions.some((s) => s.url === url)) return { state, result: { ok: true } };
  return { state: { ...state, subscriptions: [...state.subscriptions, { url, managed: false, addedAt: now.toISOString() }] }, result: { ok: true } };
}

export function unsubscribe(state: PackStoreState, url: string): { state: PackStoreState; result: ChangeResult } {
  const s = state.subscriptions.find((x) => x.url === url);
  if (!s) return { state, result: { ok: true } };
  if (s.managed) return { state, result: { ok: false, issues: [fail(url, [], 'managed', '此订阅由单位统一管理（策略下发），不能取消', 'this subscription is managed by policy and cannot be removed')] } };
  return { state: { ...state, subscriptions: state.subscriptions.filter((x) => x.url !== url) }, result: { ok: true } };
}

/** Records the outcome of a check of a subscription (ETag, status, reasons). */
export function recordCheck(state: PackStoreState, url: string, update: Partial<Omit<Subscription, 'url' | 'managed' | 'addedAt'>>): PackStoreState {
  return {
    ...state,
    subscriptions: state.subscriptions.map((s) => {
      if (s.url !== url) return s;
      const next: Subscription = { ...s, ...update } as Subscription;
      if (update.status === 'ok' || update.status === 'unchanged') delete next.issues;
      return next;
    }),
  };
}

/**
 * Brings the store in line with the managed policy: its URLs become managed subscriptions, the
 * packs they delivered become managed; URLs the policy no longer lists stop being managed (the
 * user may then remove them).
 */
export function applyPolicy(state: PackStoreState, policy: ManagedPolicy, now: Date): PackStoreState {
  const urls = new Set(policy.packUrls.filter(validPackUrl));
  const subs: Subscription[] = state.subscriptions.map((s) => ({ ...s, managed: urls.has(s.url) }));
  for (const url of urls) if (!subs.some((s) => s.url === url)) subs.push({ url, managed: true, addedAt: now.toISOString() });
  const managedIds = new Set(subs.filter((s) => s.managed && s.packId).map((s) => s.packId!));
  const packs = state.packs.map((p): InstalledPack => {
    if (managedIds.has(p.id) && p.source.kind !== 'managed') {
      const url = subs.find((s) => s.managed && s.packId === p.id)!.url;
      return { ...p, source: { kind: 'managed', url }, enabled: true };
    }
    if (!managedIds.has(p.id) && p.source.kind === 'managed') return { ...p, source: { kind: 'url', url: p.source.url } };
    return p;
  });
  return { ...state, subscriptions: subs, packs };
}

/** Reads chrome.storage.managed's value defensively. */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);
  const minutes = typeof r['refreshMinutes'] === 'number' && r['refreshMinutes'] >= 1 ? Math.floor(r['refreshMinutes']) : undefined;
  return {
    packUrls: strings(r['packUrls']), trustedKeys: strings(r['trustedKeys']), allowedPortals: strings(r['allowedPortals']),
    ...(minutes ? { refreshMinutes: minutes } : {}),
    ...(r['lockTrust'] === true ? { lockTrust: true } : {}),
  };
}
