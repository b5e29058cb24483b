import { formatBytes } from '@berth/api';

export function formatPercent(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} %`;
}

export function formatRate(bytesPerSecond: number | undefined): string {
  if (bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond)) return '—';
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatMemory(usage: number | undefined, limit?: number): string {
  if (usage === undefined) return '—';
  return limit ? `${formatBytes(usage)} / ${formatBytes(limit)}` : formatBytes(usage);
}
