/**
 * The installed-packs store of the extension, as plain JSON (it lives in chrome.storage.local):
 * each pack with where it came from, whether it is enabled, every version kept and which one is
 * active; the URL subscriptions with their ETag and last outcome; the trusted public keys the
 * administrator added by hand. Managed policy is not stored here: it is read from
 * chrome.storage.managed each time and passed in.
 */
import type { ValidationIssue } from '../issues.ts';
import type { PackDefinition } from '../pack-schema.ts';
import type { PackPublicJwk } from '../pack-signing/keys.ts';

export const PACK_STORE_FORMAT = 'lvzhi.pack-store/1';
/** Versions kept per pack (the active one is never dropped). */
export const MAX_VERSIONS_KEPT = 20;

/** Where a version came from. `studio`: saved in the definition studio. */
export type PackOrigin = 'builtin' | 'file' | 'url' | 'managed' | 'studio';

/** Where the pack as a whole comes from: decides who may remove or disable it. */
export type PackSource =
  | { kind: 'builtin' }
  | { kind: 'file'; name: string }
  | { kind: 'url'; url: string }
  | { kind: 'managed'; url: string }
  | { kind: 'studio' };

export interface SignatureInfo {
  kid: string;
  keyName?: string;
  signedAt: string;
  /** The signature itself (base64url r‖s over the stored pack), so it is verified again at every load. */
  value?: string;
}

export interface PackVersionEntry {
  version: string;
  pack: PackDefinition;
  origin: PackOrigin;
  /** ISO instant. */
  installedAt: string;
  url?: string;
  fileName?: string;
  signature?: SignatureInfo;
  /** e.g. "回滚自 1.0.2" or the studio's note. */
  note?: string;
}

/** The last offer that was refused, kept so the options page can show why. */
export interface RefusedOffer {
  at: string;
  origin: PackOrigin;
  url?: string;
  fileName?: string;
  version?: string;
  issues: ValidationIssue[];
}

export interface InstalledPack {
  id: string;
  source: PackSource;
  enabled: boolean;
  /** Index into `versions` of the active version. */
  active: number;
  /** Oldest first. */
  versions: PackVersionEntry[];
  refused?: RefusedOffer;
  /**
   * The highest version ever accepted (issue 13 part 4): an offer at or below it is never
   * installed again by a refresh, so a rollback (a local choice) stays until the user picks
   * another kept version, and an older signed file cannot come back.
   */
  highest?: string;
}

export type SubscriptionStatus = 'ok' | 'unchanged' | 'refused' | 'error';

export interface Subscription {
  url: string;
  managed: boolean;
  addedAt: string;
  etag?: string;
  checkedAt?: string;
  status?: SubscriptionStatus;
  packId?: string;
  version?: string;
  /** Why the last check was refused or failed (Chinese / English). */
  issues?: ValidationIssue[];
  /**
   * The pack ids this subscription may deliver (issue 13 part 4): an exact id or a namespace
   * "district.*". Without it, the id it first delivered (packId) is the only one it may deliver.
   */
  scope?: string[];
}

export interface PackStoreState {
  format: typeof PACK_STORE_FORMAT;
  packs: InstalledPack[];
  subscriptions: Subscription[];
  /** Public keys the administrator trusts (added on the options page); policy keys come on top. */
  trustedKeys: PackPublicJwk[];
  /**
   * Per user key (by kid): the pack ids it may sign, exact or a namespace "district.*"
   * (issue 13 part 4). A user key without an entry may sign any id outside the built-in
   * namespace; built-in ids (lvzhi.*) only a key the managed policy names.
   */
  keyScopes?: Record<string, string[]>;
}

/** Managed policy (chrome.storage.managed), see pack-signing/README.md. */
export interface ManagedPolicy {
  packUrls: string[];
  /** JWK JSON text or SPKI PEM. */
  trustedKeys: string[];
  allowedPortals: string[];
  refreshMinutes?: number;
  /** Locks trust (issue 13 part 4): no user-added keys count, no file import. */
  lockTrust?: boolean;
}

/** Pack ids of the packs bundled with the extension; only a policy key may replace them. */
export const BUILTIN_NAMESPACE = 'lvzhi.';

/** Whether `id` falls in one of `scopes` ("district.*" = the namespace district., else exact). */
export function idInScope(id: string, scopes: readonly string[]): boolean {
  return scopes.some((s) => (s.endsWith('.*') ? id.startsWith(s.slice(0, -1)) : s === id));
}

export function validScope(s: string): boolean {
  return /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*(\.\*)?$/.test(s);
}

export type OfferResult =
  | { status: 'installed'; packId: string; version: string; issues: [] }
  | { status: 'unchanged'; packId: string; version: string; issues: [] }
  | { status: 'refused'; packId?: string; version?: string; issues: ValidationIssue[] };

export type ChangeResult = { ok: true } | { ok: false; issues: ValidationIssue[] };
