// The events page's memory: history read through the relay and live events from the socket, in
// time order, without repeats, bounded (a busy engine logs thousands of health checks an hour).
import type { EngineEvent } from '@berth/api';

export const TIMELINE_CAP = 10_000;

export function eventKey(event: EngineEvent): string {
  return `${event.timeNano}:${event.Type}:${event.Action}:${event.Actor.ID}`;
}

const timeOf = (event: EngineEvent) => event.timeNano || event.time * 1e9;

export class EventTimeline {
  /** Oldest first. */
  events: EngineEvent[] = [];
  private readonly keys = new Set<string>();
  /** Events dropped from the front past the cap. */
  dropped = 0;

  constructor(readonly cap = TIMELINE_CAP) {}

  /** A live event: usually the newest, appended. */
  add(event: EngineEvent): boolean {
    const key = eventKey(event);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    const last = this.events[this.events.length - 1];
    if (!last || timeOf(event) >= timeOf(last)) this.events.push(event);
    else this.insert(event);
    this.trim();
    return true;
  }

  /** History from the engine (any order): merged in, repeats skipped. */
  addMany(events: readonly EngineEvent[]): number {
    let added = 0;
    for (const event of events) {
      const key = eventKey(event);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.events.push(event);
      added++;
    }
    this.events.sort((a, b) => timeOf(a) - timeOf(b));
    this.trim();
    return added;
  }

  clear(): void {
    this.events = [];
    this.keys.clear();
    this.dropped = 0;
  }

  private insert(event: EngineEvent): void {
    let lo = 0;
    let hi = this.events.length;
    const t = timeOf(event);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.events[mid];
      if (at && timeOf(at) <= t) lo = mid + 1;
      else hi = mid;
    }
    this.events.splice(lo, 0, event);
  }

  private trim(): void {
    const over = this.events.length - this.cap;
    if (over <= 0) return;
    for (const event of this.events.splice(0, over)) this.keys.delete(eventKey(event));
    this.dropped += over;
  }
}

export interface EventFilters {
  type: string;
  action: string;
  object: string;
  hideExec: boolean;
}

/** The object an event is about, in words: a name, an image, or a short id. */
export function objectName(event: EngineEvent): string {
  const a = event.Actor.Attributes ?? {};
  const id = event.Actor.ID || '';
  return a.name ?? a.container ?? (id.startsWith('sha256:') ? id.slice(7, 19) : id.slice(0, 12));
}

export function matchesFilters(event: EngineEvent, filters: EventFilters): boolean {
  if (filters.type && event.Type !== filters.type) return false;
  if (
    filters.hideExec &&
    (event.Action.startsWith('exec_') || event.Action.startsWith('health_status'))
  )
    return false;
  if (filters.action && !event.Action.toLowerCase().includes(filters.action.toLowerCase()))
    return false;
  if (filters.object) {
    const needle = filters.object.toLowerCase();
    const a = event.Actor.Attributes ?? {};
    const haystack = [objectName(event), event.Actor.ID, a.image ?? '', a.name ?? ''];
    if (!haystack.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}
