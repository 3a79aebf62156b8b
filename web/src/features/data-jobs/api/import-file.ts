import { loadSession } from '../../../lib/session';

export const importKinds = ['responses', 'interactions', 'org-units'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One problem of the file: where, why in English (reason), and its code and params (said in the reader's language). */
export interface ImportError {
  file: string;
  line: number;
  column: number | null;
  field: string | null;
  reason: string;
  code?: string | null;
  params?: Record<string, unknown> | null;
}

export interface RejectedRow {
  line: number;
  text: string;
  reasons: string[];
  /** The same reasons as coded problems (absent from an older API: the English reasons are shown). */
  problems?: ImportError[];
}

/** POST /api/import/{kind}'s answer: the report (200), or the 422 problem listing every error (nothing written). */
export interface ImportOutcome {
  ok: boolean;
  status: number;
  title?: string;
  detail?: string;
  /** A refused request's code and the values it names (problem extensions; absent from an older API). */
  code?: string;
  params?: Record<string, unknown>;
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
    xhr.onerror = () => reject(new UploadFailed());
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
        code: typeof body.code === 'string' ? body.code : undefined,
        params: body.params && typeof body.params === 'object' ? (body.params as Record<string, unknown>) : undefined,
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

/** The network failed during the upload (no answer from the API): said by the panel in the reader's language. */
export class UploadFailed extends Error {
  constructor() {
    super('The upload failed (network).');
  }
}

/**
 * The rows quarantine left out as a CSV file: line, the row's text, its reasons, each reason said by
 * <paramref name="say"/> (the reader's language) when the row has its coded problems, else the API's English.
 */
export function rejectsCsv(rows: RejectedRow[], say?: (problem: ImportError) => string): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const reasons = (r: RejectedRow) => (say && r.problems?.length ? r.problems.map(say) : r.reasons);
  return ['line,row,reasons', ...rows.map((r) => `${r.line},${q(r.text)},${q(reasons(r).join('; '))}`)].join('\r\n') + '\r\n';
}
