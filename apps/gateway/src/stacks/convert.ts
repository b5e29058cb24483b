// Small converters from compose's value syntaxes to the engine's.

/** A compose duration (`1m30s`, `10s`, `500ms`, `1h`) in nanoseconds. */
export function durationNs(text: string | number): number {
  if (typeof text === 'number') return text * 1e9;
  const units: Record<string, number> = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
  };
  let total = 0;
  let rest = text.trim();
  if (/^\d+(\.\d+)?$/.test(rest)) return Number(rest) * 1e9;
  while (rest) {
    const match = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!match) throw new Error(`"${text}" is not a duration (e.g. 30s, 1m30s, 500ms)`);
    total += Number(match[1]) * (units[match[2] ?? 's'] ?? 1e9);
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

/** A compose byte size (`512m`, `1g`, `100k`, `2048`, `1.5gb`) in bytes. */
export function bytes(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(value.trim());
  if (!match) throw new Error(`"${value}" is not a size (e.g. 512m, 1g)`);
  const power = ' kmgt'.indexOf((match[2] || ' ').toLowerCase());
  return Math.round(Number(match[1]) * 1024 ** power);
}

/** Splits a command string as a POSIX shell would (quotes and backslashes), as compose does. */
export function shellSplit(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i] ?? '';
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < text.length) {
      word = (word ?? '') + (text[++i] ?? '');
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in "${text}"`);
  if (word !== null) words.push(word);
  return words;
}

/** `list_or_dict` (environment, labels, sysctls, extra_hosts): as `key → value` pairs. */
export function listOrDict(value: unknown, separator = '='): Array<[string, string | null]> {
  if (Array.isArray(value)) {
    return value.map((item) => {
      const text = String(item);
      const at = text.indexOf(separator);
      return at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + separator.length)];
    });
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([key, item]) => [
      key,
      item === null || item === undefined ? null : String(item),
    ]);
  }
  return [];
}

/** A string or a list of strings (command, entrypoint, dns, tmpfs…), as a list. */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** Stable JSON (sorted keys) so equal configurations hash equally. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type Obj = Record<string, unknown>;

/** A compose mapping, or {} for anything else (the schema has already said what is wrong). */
export const obj = (value: unknown): Obj =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
export const str = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);
export const num = (value: unknown): number | undefined =>
  value === undefined || value === null || value === '' ? undefined : Number(value);

/** compose `ulimits` (a number, or `{ soft, hard }`, per limit) as the engine's Ulimits. */
export function ulimitList(
  value: unknown,
): Array<{ Name: string; Soft: number | undefined; Hard: number | undefined }> | undefined {
  if (value === undefined) return undefined;
  return Object.entries(obj(value)).map(([limit, entry]) =>
    typeof entry === 'object' && entry
      ? { Name: limit, Soft: num(obj(entry).soft), Hard: num(obj(entry).hard) }
      : { Name: limit, Soft: num(entry), Hard: num(entry) },
  );
}
