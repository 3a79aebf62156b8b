import { useSyncExternalStore } from 'react';

/** The signed-in persona, kept for the browser tab only (sessionStorage). */
export interface Session {
  token: string;
  persona: string;
  name: string;
  role: string;
}

const key = 'cx.session';
const unitKey = 'cx.unit';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(key);
  if (raw !== cached.raw) cached = { raw, session: raw ? (JSON.parse(raw) as Session) : null };
  return cached.session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(key, JSON.stringify(session));
  sessionStorage.removeItem(unitKey);
  listeners.forEach((l) => l());
}

export function clearSession(): void {
  sessionStorage.removeItem(key);
  sessionStorage.removeItem(unitKey);
  listeners.forEach((l) => l());
}

/** The current session, re-rendering on sign-in and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    loadSession,
  );
}

/**
 * The unit last opened in this tab by this session: the top bar keeps its screens one click away on pages that are
 * not about a unit (partners, data and jobs, embedding). Forgotten at sign-in and sign-out, so no persona inherits
 * another's unit.
 */
export function rememberUnit(unit: string): void {
  if (sessionStorage.getItem(unitKey) !== unit) sessionStorage.setItem(unitKey, unit);
}

export function lastUnit(): string | null {
  return sessionStorage.getItem(unitKey);
}
