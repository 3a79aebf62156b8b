/** An RFC 9457 problem returned by the API, surfaced with its title and detail. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

/** fetch + JSON, turning problem-details responses into ProblemError. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok && response.status !== 503) {
    throw new ProblemError(response.status, body?.title ?? response.statusText ?? 'Request failed', body?.detail);
  }
  return body as T;
}
