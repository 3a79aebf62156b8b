import { describe, expect, it } from 'vitest';
import { translateApiError } from './api-errors';
import { i18n } from './i18n';

const say = (language: string, e: Parameters<typeof translateApiError>[2], area: 'graphql' | 'import' = 'graphql') =>
  translateApiError(i18n.getFixedT(language), language, e, area);

describe('API errors in the reader\'s language', () => {
  it('says a code with its params, numbers in the locale\'s format and vocabulary words by their names', () => {
    const e = { code: 'OUT_OF_RANGE', params: { value: 2600000, min: 0, max: 2592000, metric: 'handle_time', unit: 'seconds' }, message: 'English' };
    expect(say('en', e)).toBe('2,600,000 is out of range: Handle time (seconds) takes values from 0 to 2,592,000');
    expect(say('zh-CN', e)).toMatch(/^2,600,000 超出范围：.+（秒）的取值为 0 到 2,592,000$/);
    expect(say('de', { code: 'OUT_OF_RANGE', params: { value: 1234.5, min: 0, max: 100 }, message: 'x' }, 'import')).toBe('1.234,5 is out of range 0–100');
  });

  it('keeps the values a file or field must hold as they are, lists joined in the locale\'s way', () => {
    const e = { code: 'UNKNOWN_SLICE_VALUE', params: { value: 'fax', dimension: 'channel', allowed: ['phone', 'chat'] }, message: 'English' };
    expect(say('en', e)).toBe('“fax” is not a channel (one of phone, chat)');
    expect(say('zh-CN', e)).toBe('“fax”不是有效的渠道（可选：phone、chat）');
  });

  it('shows the API\'s English message for an unknown or missing code', () => {
    expect(say('zh-CN', { code: 'FROM_A_NEWER_API', params: { a: 1 }, message: 'the API says so' })).toBe('the API says so');
    expect(say('zh-CN', { code: null, message: 'no code' }, 'import')).toBe('no code');
    // a code of one area is not looked up in the other
    expect(say('zh-CN', { code: 'NOT_ONE_OF', params: {}, message: 'graphql has no NOT_ONE_OF' })).toBe('graphql has no NOT_ONE_OF');
  });
});
