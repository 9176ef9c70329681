import { describe, expect, it } from 'vitest';
import { CliInputError } from '../../../src/cli/errors';
import { formatSeconds, parseTime } from '../../../src/cli/time';

/** The one-line message parseTime throws for `text`. */
function messageOf(text: string): string {
  try {
    parseTime(text);
  } catch (err) {
    if (err instanceof CliInputError) return err.message;
    throw err;
  }
  throw new Error(`parseTime("${text}") did not throw`);
}

describe('when a time has a unit', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5s', 1_500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['0s', 0],
    ['0.25ms', 0.25],
    ['.5s', 500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseTime(text)).toBe(ms);
  });

  it('rounds to the microsecond, the engine clock resolution', () => {
    expect(parseTime('1.1s')).toBe(1100);
    expect(parseTime('0.0001234s')).toBe(0.123);
  });
});

describe('when a time is a bare number', () => {
  it('means seconds', () => {
    expect(parseTime('10')).toBe(10_000);
    expect(parseTime('2.5')).toBe(2_500);
    expect(parseTime('0')).toBe(0);
  });
});

describe('when a time is malformed', () => {
  it.each(['10x', '10 s s', 'abc', 'NaN', 'Infinity', '1e3', '10S', 's', '1.2.3s', '0x10'])(
    'rejects %j with the hint',
    (text) => {
      expect(messageOf(text)).toBe(`malformed time "${text}": use e.g. 500ms, 10s, 2m`);
    },
  );

  it('names the exact input in the message', () => {
    expect(messageOf('10x')).toBe('malformed time "10x": use e.g. 500ms, 10s, 2m');
  });

  it('rejects an empty time', () => {
    expect(messageOf('')).toBe('empty time: use e.g. 500ms, 10s, 2m');
    expect(messageOf('  ')).toBe('empty time: use e.g. 500ms, 10s, 2m');
  });

  it('rejects a negative time', () => {
    expect(messageOf('-5s')).toBe('negative time "-5s": virtual time starts at 0; use e.g. 500ms, 10s, 2m');
    expect(messageOf('-1')).toMatch(/^negative time "-1"/);
  });

  it('rejects a time longer than a week', () => {
    expect(parseTime('168h')).toBe(604_800_000);
    expect(messageOf('169h')).toBe('time "169h" is too long: at most 168h (one week)');
  });
});

describe('when a time is printed', () => {
  it('shows seconds with 3 decimals', () => {
    expect(formatSeconds(12_000)).toBe('12.000');
    expect(formatSeconds(2000.021)).toBe('2.000');
    expect(formatSeconds(0)).toBe('0.000');
  });
});
