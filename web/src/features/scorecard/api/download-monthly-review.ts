import { ProblemError } from '../../../lib/http';

export interface Download {
  blob: Blob;
  fileName: string;
}

/** GET /export/monthly-review.xlsx for a unit and month; a problem-details answer becomes a ProblemError. */
export async function downloadMonthlyReview(token: string, unit: string, month: string, locale: string): Promise<Download> {
  const url = new URL('/export/monthly-review.xlsx', window.location.origin);
  url.search = new URLSearchParams({ unit, month, locale }).toString();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
    throw new ProblemError(response.status, body?.title ?? response.statusText, body?.detail);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? `monthly-review-${unit}-${month}.xlsx`;
  return { blob: await response.blob(), fileName: decodeURIComponent(fileName) };
}
