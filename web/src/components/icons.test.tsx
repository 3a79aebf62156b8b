import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LockIcon } from './lock-icon';

// Every source file of the app, as text: icons are drawn, never emoji (headless Chromium has no emoji font).
const sources = import.meta.glob(['../**/*.{ts,tsx,css}', '!../gql/**', '!../**/*.test.{ts,tsx}'], { query: '?raw', import: 'default', eager: true });
const emoji = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{26FF}\u{2B00}-\u{2BFF}]|\u{FE0F}/u;

describe('icons', () => {
  it('no source file of the web app uses an emoji character', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const found = Object.entries(sources).filter(([, text]) => emoji.test(text as string)).map(([file, text]) => `${file}: ${(text as string).match(emoji)![0]}`);
    expect(found).toEqual([]);
  });

  it('the padlock is hidden from assistive technology beside words, and an image with its name when given a label', () => {
    const { container } = render(
      <p>
        <LockIcon /> Unit: CO <LockIcon label="Period locked" />
      </p>,
    );
    const [decorative, labelled] = Array.from(container.querySelectorAll('svg'));
    expect(decorative).toHaveAttribute('aria-hidden', 'true');
    expect(decorative).not.toHaveAttribute('role');
    expect(labelled).toBe(screen.getByRole('img', { name: 'Period locked' }));
    expect(container).toHaveTextContent(/^Unit: CO Period locked$/);
  });
});
