import type { EngineEvent } from './types';

type Raw = Record<string, unknown>;

function record(value: unknown): Raw {
  return value !== null && typeof value === 'object' ? (value as Raw) : {};
}

/**
 * An engine event in Docker's field names, whatever the engine: pouchd sends lowercase keys
 * (`type`, `action`, `actor`) and old Docker versions `status`/`id`/`from` only.
 */
export function normalizeEvent(raw: unknown): EngineEvent {
  const e = record(raw);
  const actor = record(e.Actor ?? e.actor);
  const attributes = record(actor.Attributes ?? actor.attributes);
  const time = Number(e.time ?? 0);
  const timeNano = Number(e.timeNano ?? e.timenano ?? time * 1e9);
  return {
    Type: String(e.Type ?? e.type ?? 'container'),
    Action: String(e.Action ?? e.action ?? e.status ?? ''),
    Actor: {
      ID: String(actor.ID ?? actor.id ?? e.id ?? ''),
      Attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, String(v)])),
    },
    ...(e.scope ? { scope: String(e.scope) } : {}),
    time,
    timeNano,
  };
}
