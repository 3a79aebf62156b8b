/** The signed-in persona, kept for the browser tab only (sessionStorage). */
export interface Session {
  token: string;
  persona: string;
  name: string;
  role: string;
}

const key = 'cx.session';

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(key);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(key, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(key);
}
