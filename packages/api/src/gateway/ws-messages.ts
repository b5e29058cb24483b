import type { EngineEvent } from '../engine/types';

/** Messages of `WS /api/endpoints/{id}/ws/events` (server to client). */
export type EventsMessage =
  | { type: 'event'; event: EngineEvent }
  | { type: 'engine'; status: 'up' | 'down'; message?: string };
