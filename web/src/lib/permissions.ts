/**
 * The permissions a bearer token carries (its `permission` claims, e.g. `export`). Read only to decide which
 * controls to show: the API checks every request itself, so a wrong answer here hides a button, never data.
 */
export function tokenPermissions(token: string | null | undefined): string[] {
  const payload = token?.split('.')[1];
  if (!payload) return [];
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const claim = (JSON.parse(json) as { permission?: string | string[] }).permission;
    return claim == null ? [] : Array.isArray(claim) ? claim : [claim];
  } catch {
    return [];
  }
}
