import { createContext, useContext } from 'react';

/** What the embedded app reads from its token (the server checks the token; this only decides what to show). */
export interface EmbedClaims {
  exp: number;
  view: string;
  host_app?: string;
  lock_unit?: string;
  lock_period?: string;
  lock_slice?: string;
  /** The partner view's partner (its one scope partner). */
  scope_partner?: string | string[];
  locale?: string;
  permission?: string | string[];
  origin?: string | string[];
}

export const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The token's payload, or null when it is not a JWT. */
export function decodeEmbedToken(token: string): EmbedClaims | null {
  try {
    const part = token.split('.')[1];
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as EmbedClaims;
    return typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
}

/** Embed mode: the token's locks and permissions, for components that must not offer what the token forbids. */
export interface EmbedState {
  claims: EmbedClaims;
  canDrill: boolean;
  lockedPeriod: string | null;
  /** The partner view's partner code (null in the other views). */
  partner: string | null;
}

export const EmbedContext = createContext<EmbedState | null>(null);

/** Null outside embed mode. */
export const useEmbed = () => useContext(EmbedContext);

/** Posts to the host page at each origin the token allows (the browser drops it for any other). */
export function postToHost(message: Record<string, unknown>, origins: string[]): void {
  if (window.parent === window) return;
  for (const origin of origins) window.parent.postMessage(message, origin);
}

// The frame's current token, read per request by its GraphQL client (a fresh token replaces it without a reload).
let embedToken: string | null = null;
export const getEmbedToken = () => embedToken;
export const setEmbedToken = (token: string) => {
  embedToken = token;
};
