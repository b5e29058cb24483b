import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isNode, isScalar, parseDocument, type Document } from 'yaml';
import { InterpolationError, interpolateDocument, parseDotEnv } from './interpolate';

/** One thing wrong with a compose file, at its line (1-based) when Berth can tell. */
export interface ComposeProblem {
  message: string;
  line?: number;
  /** Where in the document, e.g. `services.web.ports[0]`. */
  path?: string;
}

/** A compose file that did not parse, interpolate or validate. */
export class ComposeFileError extends Error {
  constructor(readonly problems: ComposeProblem[]) {
    super(
      problems
        .slice(0, 5)
        .map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message))
        .join('; '),
    );
  }
}

export type ComposeDocument = Record<string, unknown> & {
  services: Record<string, Record<string, unknown>>;
};

// The compose-spec JSON schema as the dclint package ships it (the published spec file, kept
// current there); its package exports don't name the file, so it is read from the package folder.
let validator: ValidateFunction | undefined;
function composeValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const folder = dirname(require.resolve('dclint/package.json'));
  const schema = JSON.parse(
    readFileSync(join(folder, 'schemas', 'compose.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  // Ajv knows draft-07 by its canonical id; the file names it with https and no '#'.
  delete schema.$schema;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  validator = ajv.compile(schema);
  return validator;
}

type PathPart = string | number;

function pathText(parts: readonly PathPart[]): string {
  return parts
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** The JSON pointer ajv reports (`/services/web/ports/0`) as document path parts. */
function pointerParts(pointer: string): PathPart[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function lineOf(doc: Document, counter: LineCounter, parts: PathPart[]): number | undefined {
  // The deepest node that exists: an error about a missing key points at its parent. A value in a
  // mapping is found by its key, so `services.web` points at the `web:` line, not the next one.
  for (let depth = parts.length; depth >= 0; depth--) {
    const last = parts[depth - 1];
    const parent = depth > 0 ? doc.getIn(parts.slice(0, depth - 1), true) : undefined;
    if (typeof last === 'string' && isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === last,
      );
      if (pair && isNode(pair.key) && pair.key.range)
        return counter.linePos(pair.key.range[0]).line;
    }
    const node = doc.getIn(parts.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Ajv's words as a person's: which key is wrong and how. */
function describe(error: ErrorObject): string {
  const where = pathText(pointerParts(error.instancePath)) || 'the file';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown key "${String(error.params.additionalProperty)}"`;
    case 'required':
      return `${where}: "${String(error.params.missingProperty)}" is required`;
    case 'enum':
      return `${where}: must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/**
 * Ajv reports every branch of a `oneOf`; a person needs the most specific ones. Keeps errors
 * that are not the parent of another error, and drops the summarising oneOf/anyOf lines.
 */
function specificErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unique = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf' || error.keyword === 'if') continue;
    unique.set(`${error.instancePath} ${describe(error)}`, error);
  }
  const list = [...unique.values()];
  const deepest = list.filter(
    (error) =>
      !list.some(
        (other) => other !== error && other.instancePath.startsWith(`${error.instancePath}/`),
      ),
  );
  // A value of the wrong type fails each alternative's `type`; one line says enough.
  const seen = new Set<string>();
  return deepest.filter((error) => {
    const key = error.keyword === 'type' ? `${error.instancePath} type` : describe(error);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parses, interpolates (with the `.env` text and then the given variables) and validates a
 * compose file against the compose-spec schema. Throws ComposeFileError with every problem
 * found, each at its line.
 */
export function loadComposeFile(yamlText: string, envText = ''): ComposeDocument {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: true, merge: true });
  if (doc.errors.length) {
    throw new ComposeFileError(
      doc.errors.map((error) => ({
        message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
        line: error.linePos?.[0]?.line,
      })),
    );
  }
  let vars: Record<string, string>;
  try {
    vars = parseDotEnv(envText);
  } catch (error) {
    throw new ComposeFileError([{ message: (error as Error).message }]);
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new ComposeFileError([
      { message: 'A compose file is a YAML mapping (services: …).', line: 1 },
    ]);
  let data: unknown;
  try {
    data = interpolateDocument(raw, vars);
  } catch (error) {
    if (!(error instanceof InterpolationError)) throw error;
    const path = error.message.split(':')[0] ?? '';
    const parts = path
      .split(/\.|\[(\d+)\]/)
      .filter((part) => part !== undefined && part !== '')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    throw new ComposeFileError([
      { message: error.message, path, line: lineOf(doc, counter, parts) },
    ]);
  }
  const validate = composeValidator();
  if (!validate(data)) {
    throw new ComposeFileError(
      specificErrors(validate.errors ?? []).map((error) => {
        const parts = pointerParts(error.instancePath);
        if (error.keyword === 'additionalProperties')
          parts.push(String(error.params.additionalProperty));
        return {
          message: describe(error),
          path: pathText(pointerParts(error.instancePath)),
          line: lineOf(doc, counter, parts),
        };
      }),
    );
  }
  const compose = data as Record<string, unknown>;
  const services = compose.services;
  if (!services || typeof services !== 'object' || Object.keys(services).length === 0)
    throw new ComposeFileError([
      { message: 'The file defines no services.', line: lineOf(doc, counter, ['services']) ?? 1 },
    ]);
  return compose as ComposeDocument;
}

/** Where a key sits in the file, for problems found after validation (unsupported keys, policy). */
export function lineOfPath(yamlText: string, parts: PathPart[]): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  return lineOf(doc, counter, parts);
}
