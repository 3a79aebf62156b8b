/**
 * A padlock drawn inline (an emoji padlock renders as an empty box where no emoji font is installed, as in headless
 * Chromium). Beside words that already say it, it is decoration (aria-hidden); given a label, it is an image that says it.
 */
export function LockIcon({ label }: { label?: string }) {
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true as const };
  return (
    <svg className="icon" width="1em" height="1em" viewBox="0 0 16 16" focusable="false" {...a11y}>
      {label && <title>{label}</title>}
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
    </svg>
  );
}
