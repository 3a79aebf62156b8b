import { fetchJson } from '../../../lib/http';
import type { Status } from '../../../components/status-pill';

export interface HealthComponent {
  status: Status;
  description?: string;
  data?: Record<string, unknown>;
}

export interface Health {
  status: Status;
  components: Record<string, HealthComponent>;
}

/** GET /healthz — 200 when healthy, 503 (still with a body) when not. */
export function getHealth(): Promise<Health> {
  return fetchJson<Health>('/healthz');
}
