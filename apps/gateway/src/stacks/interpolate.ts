// Variable interpolation as the compose spec defines it: `$VAR`, `${VAR}`, `${VAR:-default}`,
// `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`, `${VAR:+alt}`, `${VAR+alt}`, and `$$`
// for a literal `$`. Defaults may themselves hold variables (`${A:-${B}}`), as in compose.

export type Variables = Readonly<Record<string, string | undefined>>;

/** A `${VAR:?message}` whose variable is missing, or a malformed `${…}`. */
export class InterpolationError extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Interpolates one string. Throws InterpolationError for a required variable left unset. */
export function interpolateString(text: string, vars: Variables): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) throw new InterpolationError(`unclosed "\${" in "${text}"`);
      out += expand(text.slice(i + 2, end), vars);
      i = end + 1;
    } else {
      const name = NAME.exec(text.slice(i + 1))?.[0];
      if (!name) {
        // A lone `$` (e.g. "cost: 5$") stays as it is, as compose leaves it.
        out += '$';
        i++;
      } else {
        out += vars[name] ?? '';
        i += 1 + name.length;
      }
    }
  }
  return out;
}

/** The index of the `}` closing a `${` whose body starts at `from`, allowing nested `${…}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expand(body: string, vars: Variables): string {
  const name = NAME.exec(body)?.[0];
  if (!name) throw new InterpolationError(`"\${${body}}" does not start with a variable name`);
  const rest = body.slice(name.length);
  const value = vars[name];
  if (rest === '') return value ?? '';
  const match = /^(:?)([-?+])([\s\S]*)$/.exec(rest);
  if (!match) throw new InterpolationError(`"\${${body}}" is not a valid substitution`);
  const [, colon, op, arg = ''] = match;
  // With ":" an empty value counts as unset, without it only a missing one does.
  const unset = colon ? !value : value === undefined;
  switch (op) {
    case '-':
      return unset ? interpolateString(arg, vars) : (value ?? '');
    case '+':
      return unset ? '' : interpolateString(arg, vars);
    default:
      if (unset) {
        const message = interpolateString(arg, vars);
        throw new InterpolationError(
          `required variable ${name} is missing a value${message ? `: ${message}` : ''}`,
        );
      }
      return value ?? '';
  }
}

/**
 * A `.env` file as compose reads it: `KEY=value` lines, `#` comments, optional `export `,
 * single quotes literal, double quotes with `\n` escapes, unquoted values trimmed and cut at ` #`.
 * Later values may refer to earlier ones (`B=${A}/x`).
 */
export function parseDotEnv(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new InterpolationError(`.env line ${index + 1}: expected KEY=value`);
    const [, key = '', rawValue = ''] = match;
    let value: string;
    if (rawValue.startsWith("'")) {
      value = rawValue.slice(
        1,
        rawValue.lastIndexOf("'") > 0 ? rawValue.lastIndexOf("'") : undefined,
      );
    } else if (rawValue.startsWith('"')) {
      const end = rawValue.lastIndexOf('"');
      value = interpolateString(
        rawValue
          .slice(1, end > 0 ? end : undefined)
          .replace(/\\n/g, '\n')
          .replace(/\\"/g, '"'),
        vars,
      );
    } else {
      value = interpolateString(rawValue.replace(/\s+#.*$/, '').trim(), vars);
    }
    vars[key] = value;
  });
  return vars;
}

/**
 * Interpolates every string in a parsed compose document (values only, never keys), as compose
 * does before it validates. Errors name where the value sits (`services.web.image`).
 */
export function interpolateDocument(value: unknown, vars: Variables, path = ''): unknown {
  if (typeof value === 'string') {
    try {
      return interpolateString(value, vars);
    } catch (error) {
      if (error instanceof InterpolationError)
        throw new InterpolationError(`${path || 'value'}: ${error.message}`);
      throw error;
    }
  }
  if (Array.isArray(value))
    return value.map((item, i) => interpolateDocument(item, vars, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        interpolateDocument(item, vars, path ? `${path}.${key}` : key),
      ]),
    );
  }
  return value;
}
