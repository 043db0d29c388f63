/**
 * The random channel between the launcher (isolated world) and its MAIN-world helper. Pure and
 * tiny: both bundles import it.
 */
export const PAGE_WORLD_INIT = 'lvzhi-page-world-init';

/** A channel name: 24–64 lower-case letters and digits (what newChannelName makes). */
export function isChannelName(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z0-9]{24,64}$/.test(v);
}

export function newChannelName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
