// A container's status text ("Up 5 minutes", "Exited (0) 2 hours ago") is relative to when the
// engine wrote it. A live model keeps a row for hours between events, so it carries when the
// state began (`since`) and the text is written again for the moment it is shown.

const STATUS = /^(Up|Exited \(-?\d+\)|Restarting \(-?\d+\)) (.+?)( ago)?( \(.+\))?$/;

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 604_800,
  month: 2_592_000,
  year: 31_536_000,
};

/** Seconds in one of Docker's human durations (`units.HumanDuration`), or null. */
export function parseHumanDuration(text: string): number | null {
  if (text === 'Less than a second') return 0;
  if (text === 'About a minute') return 60;
  if (text === 'About an hour') return 3600;
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * (UNIT_SECONDS[match[2] ?? ''] ?? 0);
}

/** Docker's `units.HumanDuration`, so rewritten texts read exactly as the engine's. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** When the state in `status` began (ms since epoch), judged from the text read at `readAt`. */
export function statusSince(status: string, readAt: number): number | null {
  const match = STATUS.exec(status);
  const seconds = match ? parseHumanDuration(match[2] ?? '') : null;
  return seconds === null ? null : readAt - seconds * 1000;
}

/** `status` written again for `now`, given when its state began. */
export function statusAt(status: string, since: number | null, now: number): string {
  if (since === null) return status;
  const match = STATUS.exec(status);
  if (!match || parseHumanDuration(match[2] ?? '') === null) return status;
  return `${match[1]} ${humanDuration(Math.max(0, now - since))}${match[3] ?? ''}${match[4] ?? ''}`;
}
