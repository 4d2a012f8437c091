import { describe, expect, it } from 'vitest';
import { KINDS } from '../core/model';
import { en } from './en';
import { formatNumber, formatUsd, interpolate, msg } from './format';
import { makeTranslate } from './index';
import { ko } from './ko';
import { detectLang } from './langStore';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('ko has exactly the keys of en', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('each Korean message uses the same placeholders as its English one', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('no message is blank unless it is a unit that prints nothing', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(ko)]) {
      if (!key.startsWith('unit.')) expect(value.trim(), key).not.toBe('');
    }
  });
});

describe('interpolate', () => {
  it('fills names, resolves Text values per language and leaves unknown names visible', () => {
    expect(interpolate('Add {kind} x{n}', { kind: KINDS.lb.label, n: 2 }, 'en')).toBe(
      'Add Load balancer x2',
    );
    expect(interpolate('{kind} 추가', { kind: KINDS.lb.label }, 'ko')).toBe('로드 밸런서 추가');
    expect(interpolate('{missing} here', {}, 'en')).toBe('{missing} here');
  });

  it('msg builds a Text in both languages', () => {
    expect(msg('palette.add', { kind: KINDS.server.label })).toEqual({
      en: 'Add Server',
      ko: '서버 추가',
    });
  });
});

describe('formatting', () => {
  it('groups digits the way each language does', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('ko', 1234567.5)).toBe('1,234,567.5');
    expect(formatNumber('en', 0.5, { style: 'percent' })).toBe('50%');
  });

  it('writes prices in dollars with enough digits for cheap instances', () => {
    expect(formatUsd('en', 0.0104)).toBe('$0.0104');
    expect(formatUsd('en', 0.096)).toBe('$0.096');
    expect(formatUsd('en', 1.536)).toBe('$1.536');
    expect(formatUsd('ko', 12.5)).toBe('$12.50');
  });

  it('a translator is bound to its language', () => {
    const t = makeTranslate('ko');
    expect(t('toolbar.undo')).toBe('실행 취소');
    expect(t.text(KINDS.users.label)).toBe('사용자');
    expect(t('card.vcpu', { n: t.num(4) })).toBe('vCPU 4개');
  });
});

describe('detectLang', () => {
  it('takes the first supported base language', () => {
    expect(detectLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLang(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLang(['de'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });
});
