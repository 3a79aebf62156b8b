import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from './lib/i18n';

// Lazy routes load their module on first visit: slower than the default 1 s on a busy machine.
configure({ asyncUtilTimeout: 8000 });

// Each test starts in English with no session; a test that switches language switches back here.
beforeEach(async () => {
  sessionStorage.clear();
  localStorage.clear();
  await i18n.changeLanguage('en');
});
afterEach(() => cleanup());

// jsdom has no canvas; ECharts measures label text with one even when it draws SVG. A width per character is enough.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return { measureText: (text: string) => ({ width: text.length * 6 }), font: '' } as unknown as CanvasRenderingContext2D;
} as unknown as typeof HTMLCanvasElement.prototype.getContext;
