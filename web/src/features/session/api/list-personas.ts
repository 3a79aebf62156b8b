import { fetchJson } from '../../../lib/http';

export interface Persona {
  persona: string;
  name: string;
  role: string;
}

/** GET /auth/personas — the demo personas this deployment offers. */
export function listPersonas(): Promise<Persona[]> {
  return fetchJson<Persona[]>('/auth/personas');
}
