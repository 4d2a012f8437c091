import { describe, expect, it } from 'vitest';
import { GLOBAL_FIELD_COUNT, NODE_FIELD_COUNT, F, G, type SimFrame } from '../../core/sim';
import { NODE_SERIES, SimHistory } from '../../state/simHistory';
import { csvField, csvFileName, csvNumber, historyColumns, toCsv } from './csv';

/** A minimal RFC 4180 parser, to read back what toCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

function frame(time: number, util: number[]): SimFrame {
  const ids = util.map((_, i) => `server-${i + 1}`);
  const nodes = new Float64Array(ids.length * NODE_FIELD_COUNT);
  util.forEach((u, i) => {
    nodes[i * NODE_FIELD_COUNT + F.utilization] = u;
    nodes[i * NODE_FIELD_COUNT + F.latencyP95] = 10 * (i + 1);
  });
  const global = new Float64Array(GLOBAL_FIELD_COUNT);
  global[G.offered] = 100;
  global[G.costTotal] = time * 0.001;
  return {
    time,
    nodeIds: ids,
    nodes,
    linkIds: [],
    linkRates: new Float64Array(),
    global,
    events: [],
    diagnostics: [],
    targets: [],
    cohorts: [],
    instances: [],
  };
}

describe('csvField', () => {
  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvField('web')).toBe('web');
    expect(csvField('web, app')).toBe('"web, app"');
    expect(csvField('the "big" box')).toBe('"the ""big"" box"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@sum')).toBe("'@sum");
  });

  it('keeps Korean text as is', () => {
    expect(csvField('웹 서버')).toBe('웹 서버');
  });
});

describe('csvNumber', () => {
  it('writes up to 7 significant digits and leaves gaps empty', () => {
    expect(csvNumber(0.123456789)).toBe('0.1234568');
    expect(csvNumber(120)).toBe('120');
    expect(csvNumber(NaN)).toBe('');
    expect(csvNumber(undefined)).toBe('');
  });
});

describe('toCsv from a history', () => {
  const history = new SimHistory();
  for (let t = 0; t < 5; t++) history.push(frame(t, [0.5 + t / 10, 0.2]));
  const nodes = [
    { id: 'server-1', label: 'web, "main"' },
    { id: 'server-2', label: '=cmd' },
    { id: 'ghost', label: 'never recorded' },
  ];
  const rows = parseCsv(toCsv(history.timeAxis(), historyColumns(history, nodes)));

  it('has a header row, then one row per time point with the same number of fields', () => {
    expect(rows).toHaveLength(1 + 5);
    const width = rows[0]!.length;
    expect(width).toBe(1 + GLOBAL_FIELD_COUNT + 2 * NODE_SERIES.length);
    for (const r of rows) expect(r).toHaveLength(width);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['0', '1', '2', '3', '4']);
  });

  it('heads node columns with the label (escaped) and the id, and keeps the values', () => {
    const header = rows[0]!;
    expect(header[0]).toBe('time (s)');
    expect(header).toContain('latency p95 (ms)');
    const u1 = header.indexOf('web, "main" [server-1] utilization (0-1)');
    expect(u1).toBeGreaterThan(0);
    expect(header).toContain("'=cmd [server-2] utilization (0-1)");
    expect(header.some((h) => h.includes('ghost'))).toBe(false);
    expect(rows.slice(1).map((r) => r[u1])).toEqual(['0.5', '0.6', '0.7', '0.8', '0.9']);
  });

  it('starts with a byte order mark and ends every line with CRLF', () => {
    const text = toCsv([0], [{ header: 'x', values: [1] }]);
    expect(text).toBe('\uFEFFtime (s),x\r\n0,1\r\n');
  });
});

describe('csvFileName', () => {
  it('names the file after the local time', () => {
    expect(csvFileName(new Date(2025, 4, 1, 14, 30, 5))).toBe('scale-out-lab-20250501-143005.csv');
  });
});
