// The benchmark's printout: sections, aligned tables, figures against their targets, correctness checks, and the JSON file.
import fs from 'node:fs';
import path from 'node:path';

export type Target = { op: '≤' | '<' | '≥'; value: number };
export type Figure = { name: string; value: number; unit: string; target?: Target; ratio?: number; met?: boolean };
export type Check = { name: string; ok: boolean; detail?: string };

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

export function num(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly checks: Check[] = [];
  readonly data: Record<string, unknown> = {};

  section(title: string): void {
    console.log(`\n== ${title} ${'='.repeat(Math.max(0, 100 - title.length))}`);
  }

  line(text = ''): void {
    console.log(text);
  }

  /** Columns after the first are right-aligned (they hold numbers). */
  table(headers: string[], rows: string[][]): void {
    const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
    const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
    console.log(fmt(headers));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(fmt(r));
  }

  /** A figure with its target: the ratio is value ÷ target, and a missed target prints MISSED (it does not fail the run). */
  figure(name: string, value: number, unit: string, target?: Target): Figure {
    const f: Figure = { name, value, unit, target };
    let tail = '';
    if (target) {
      f.ratio = value / target.value;
      f.met = target.op === '≤' ? value <= target.value : target.op === '<' ? value < target.value : value >= target.value;
      tail = `target ${target.op} ${num(target.value, unit)}   ${num(f.ratio)}× of target   ${f.met ? 'ok' : 'MISSED'}`;
    }
    this.figures.push(f);
    console.log(`${padEnd(name, 52)} ${padStart(num(value, unit), 14)}   ${tail}`);
    return f;
  }

  /** A correctness check: any failure makes the run exit 1. */
  check(name: string, ok: boolean, detail?: string): void {
    this.checks.push({ name, ok, detail });
    console.log(`${padEnd(name, 52)} ${ok ? 'yes' : 'NO'}${detail ? `   ${detail}` : ''}`);
  }

  set(key: string, value: unknown): void {
    this.data[key] = value;
  }

  missed(): Figure[] {
    return this.figures.filter((f) => f.met === false);
  }

  failed(): Check[] {
    return this.checks.filter((c) => !c.ok);
  }

  writeJson(file: string): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ ...this.data, figures: this.figures, checks: this.checks }, null, 2)}\n`);
  }
}

/** A table printed row by row as its figures come in (long runs show progress), with fixed column widths. */
export class StreamTable {
  constructor(
    private readonly widths: number[],
    headers: string[],
  ) {
    console.log(this.format(headers));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }

  private format(cells: string[]): string {
    return cells.map((c, i) => (i === 0 ? padEnd(c, this.widths[i]!) : padStart(c, this.widths[i] ?? 0))).join('  ');
  }

  row(cells: string[]): void {
    console.log(this.format(cells));
  }
}
