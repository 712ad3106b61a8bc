// Inserts rows many at a time (INSERT … VALUES (…), (…), …): one statement step for a chunk of rows instead of each.
import 'server-only';
import type Database from 'better-sqlite3';

export class BulkInsert {
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly width: number;
  private readonly chunk: number;
  private values: unknown[] = [];
  rows = 0;

  /** `columns` in order; `chunk` rows per statement (SQLite allows 32,766 parameters in all). */
  constructor(sqlite: Database.Database, table: string, columns: readonly string[], chunk = 64) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.width = columns.length;
    this.chunk = chunk;
    this.many = sqlite.prepare(head + Array.from({ length: chunk }, () => row).join(', '));
    this.one = sqlite.prepare(head + row);
  }

  /** One row's values, in the order of the columns. */
  add(...row: unknown[]): void {
    if (row.length !== this.width) throw new Error(`expected ${this.width} values, got ${row.length}`);
    for (const v of row) this.values.push(v);
    this.rows++;
    if (this.values.length === this.width * this.chunk) {
      this.many.run(this.values);
      this.values = [];
    }
  }

  /** Writes the rows still held (call before the transaction commits). */
  flush(): void {
    for (let at = 0; at < this.values.length; at += this.width) this.one.run(this.values.slice(at, at + this.width));
    this.values = [];
  }
}
