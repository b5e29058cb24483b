import type { AuditEntry, AuditPage, Role } from '@berth/api';
import type { Db } from '../store/database';

export type AuditRecord = Omit<AuditEntry, 'id' | 'time'> & { time?: number };

export interface AuditQuery {
  username?: string;
  action?: string;
  endpoint?: string;
  result?: AuditEntry['result'];
  from?: number;
  to?: number;
  /** Free text over target and detail. */
  text?: string;
  limit?: number;
  offset?: number;
}

interface AuditRow {
  id: number;
  time: number;
  username: string | null;
  role: Role | null;
  ip: string | null;
  endpoint: string | null;
  action: string;
  target: string | null;
  status: number;
  result: AuditEntry['result'];
  detail: string | null;
}

/** Who did what, where, when, and how it went: mutations, sessions and logins. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  record(entry: AuditRecord): void {
    this.db
      .prepare(
        'INSERT INTO audit (time, username, role, ip, endpoint, action, target, status, result, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        entry.time ?? Date.now(),
        entry.username,
        entry.role,
        entry.ip,
        entry.endpoint,
        entry.action,
        entry.target?.slice(0, 500) ?? null,
        entry.status,
        entry.result,
        entry.detail?.slice(0, 2000) ?? null,
      );
  }

  query(q: AuditQuery): AuditPage {
    const where: string[] = [];
    const params: Array<string | number> = [];
    const add = (clause: string, ...values: Array<string | number>) => {
      where.push(clause);
      params.push(...values);
    };
    if (q.username) add('username = ?', q.username);
    if (q.action) add('action LIKE ?', `%${q.action}%`);
    if (q.endpoint) add('endpoint = ?', q.endpoint);
    if (q.result) add('result = ?', q.result);
    if (q.from !== undefined) add('time >= ?', q.from);
    if (q.to !== undefined) add('time <= ?', q.to);
    if (q.text) add('(target LIKE ? OR detail LIKE ?)', `%${q.text}%`, `%${q.text}%`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM audit ${clause}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`SELECT * FROM audit ${clause} ORDER BY time DESC, id DESC LIMIT ? OFFSET ?`)
      .all(...params, Math.min(q.limit ?? 100, 10_000), q.offset ?? 0) as AuditRow[];
    return { total, entries: rows };
  }
}

const CSV_COLUMNS: Array<keyof AuditEntry> = [
  'time',
  'username',
  'role',
  'ip',
  'endpoint',
  'action',
  'target',
  'status',
  'result',
  'detail',
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Cells starting with = + - @ are formulas to a spreadsheet: quote them as text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    lines.push(
      CSV_COLUMNS.map((c) => csvCell(c === 'time' ? new Date(e.time).toISOString() : e[c])).join(
        ',',
      ),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
