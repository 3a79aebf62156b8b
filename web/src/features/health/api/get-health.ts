import { fetchJson } from '../../../lib/http';
import { loadSession } from '../../../lib/session';
import type { Status } from '../../../components/status-pill';

export interface HealthComponent {
  status: Status;
  description?: string;
  data?: Record<string, unknown>;
}

export interface Health {
  status: Status;
  /** Only for signed-in callers: anonymous ones are told the overall status alone. */
  components?: Record<string, HealthComponent>;
}

/** GET /healthz — 200 when healthy, 503 (still with a body) when not; with the session's token when signed in. */
export function getHealth(): Promise<Health> {
  const token = loadSession()?.token;
  return fetchJson<Health>('/healthz', token ? { headers: { authorization: `Bearer ${token}` } } : undefined);
}
