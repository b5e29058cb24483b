// Folds the engine's JSON progress lines (pull, push, load) into per-layer bars and an overall
// fraction. A layer's bar covers its whole life: downloading is the first half and extracting the
// second for a pull; pushing or loading is the whole bar.
import type { ProgressMessage } from '@berth/api';

export interface LayerProgress {
  id: string;
  status: string;
  current: number;
  total: number;
  /** 0..1 over the layer's whole life. */
  fraction: number;
  done: boolean;
}

export interface ProgressState {
  layers: LayerProgress[];
  /** Lines that are not about one layer ("Digest: …", "Status: Downloaded newer image…"). */
  notes: string[];
  error: string | null;
}

export const EMPTY_PROGRESS: ProgressState = { layers: [], notes: [], error: null };

const DONE = /^(pull complete|already exists|pushed|layer already exists|mounted from|loaded)/i;
const HALF = /^(download complete|verifying checksum)/i;

function fractionOf(status: string, current: number, total: number): number {
  if (DONE.test(status)) return 1;
  const part = total > 0 ? Math.min(current / total, 1) : 0;
  if (/^downloading/i.test(status)) return part / 2;
  if (HALF.test(status)) return 0.5;
  if (/^extracting/i.test(status)) return 0.5 + part / 2;
  if (/^(pushing|loading layer|importing)/i.test(status)) return part;
  return 0;
}

// A layer id is a 12-hex short digest; push and pull also send lines whose id is a tag.
const LAYER_ID = /^[0-9a-f]{12}$/;
const IMPORT_BAR = 'upload';

export function applyProgress(state: ProgressState, message: ProgressMessage): ProgressState {
  if (message.error || message.errorDetail?.message) {
    return { ...state, error: message.error ?? message.errorDetail?.message ?? 'Failed' };
  }
  const status = message.status ?? '';
  // An import's upload counts its bytes on lines without an id: one bar for them.
  const id =
    message.id ?? (/^importing/i.test(status) && message.progressDetail ? IMPORT_BAR : undefined);
  if (id && (LAYER_ID.test(id) || id === IMPORT_BAR) && status) {
    const current = message.progressDetail?.current ?? 0;
    const total = message.progressDetail?.total ?? 0;
    const existing = state.layers.find((layer) => layer.id === id);
    const fraction = Math.max(
      fractionOf(status, current, total),
      // a layer never goes backwards (a retry restarts the bytes, not the bar)
      existing && !/^retrying/i.test(status) ? Math.min(existing.fraction, 0.999) : 0,
    );
    const next: LayerProgress = {
      id,
      status,
      current,
      total: total || existing?.total || 0,
      fraction: DONE.test(status) ? 1 : fraction,
      done: DONE.test(status),
    };
    const layers = existing
      ? state.layers.map((layer) => (layer.id === id ? next : layer))
      : [...state.layers, next];
    return { ...state, layers };
  }
  const text = (message.stream ?? (message.id ? `${message.id}: ${status}` : status)).trim();
  if (!text) return state;
  return { ...state, notes: [...state.notes, text] };
}

/** 0..1 over all layers seen so far; 0 before the first layer. */
export function overallFraction(state: ProgressState): number {
  if (state.layers.length === 0) return 0;
  return state.layers.reduce((sum, layer) => sum + layer.fraction, 0) / state.layers.length;
}

/** Where a streamed engine call (pull, push, load, build, stack deploy) is. */
export type StreamPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
