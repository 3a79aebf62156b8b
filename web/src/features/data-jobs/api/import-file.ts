import { loadSession } from '../../../lib/session';

export const importKinds = ['responses', 'interactions', 'org-units'] as const;
export type ImportKind = (typeof importKinds)[number];

export interface ImportError {
  file: string;
  line: number;
  column: number | null;
  field: string | null;
  reason: string;
}

export interface RejectedRow {
  line: number;
  text: string;
  reasons: string[];
}

/** POST /api/import/{kind}'s answer: the report (200), or the 422 problem listing every error (nothing written). */
export interface ImportOutcome {
  ok: boolean;
  status: number;
  title?: string;
  detail?: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errorCount: number;
  errors: ImportError[];
  rejectedRows: RejectedRow[];
  seconds?: number;
}

/**
 * Uploads a file to POST /api/import/{kind} (multipart field `file`; ?mode=quarantine loads the good rows and leaves
 * the bad ones out) with upload progress, which fetch cannot report; hence XMLHttpRequest.
 */
export function importFile(kind: ImportKind, file: File, quarantine: boolean, onProgress: (share: number) => void): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import/${kind}${quarantine ? '?mode=quarantine' : ''}`);
    const token = loadSession()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('The upload failed (network).'));
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : {};
      } catch {
        body = { title: xhr.statusText };
      }
      const n = (k: string) => (typeof body[k] === 'number' ? (body[k] as number) : 0);
      resolve({
        ok: xhr.status >= 200 && xhr.status < 300,
        status: xhr.status,
        title: body.title as string | undefined,
        detail: body.detail as string | undefined,
        rowsRead: n('rowsRead'),
        inserted: n('inserted'),
        updated: n('updated'),
        unchanged: n('unchanged'),
        rejected: n('rejected'),
        errorCount: n('errorCount'),
        errors: (body.errors as ImportError[] | undefined) ?? [],
        rejectedRows: (body.rejectedRows as RejectedRow[] | undefined) ?? [],
        seconds: body.seconds as number | undefined,
      });
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The rows quarantine left out as a CSV file: line, the row's text, its reasons. */
export function rejectsCsv(rows: RejectedRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['line,row,reasons', ...rows.map((r) => `${r.line},${q(r.text)},${q(r.reasons.join('; '))}`)].join('\r\n') + '\r\n';
}
