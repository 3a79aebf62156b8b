import { fetchJson } from '../../../lib/http';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  persona: string;
  name: string;
  role: string;
}

/** POST /auth/token — the demo issuer's token for a persona. */
export function requestToken(persona: string): Promise<TokenResponse> {
  return fetchJson<TokenResponse>('/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
}
