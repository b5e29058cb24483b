import { z } from 'zod';

// Wall mode layouts: pages of tiles that rotate on a timer (shared by gateway and web).

export const wallTile = z.discriminatedUnion('type', [
  z.object({ type: z.literal('endpoints') }),
  z.object({ type: z.literal('containers'), endpoint: z.string().min(1) }),
  z.object({
    type: z.literal('charts'),
    endpoint: z.string().min(1),
    containers: z.array(z.string().min(1)).min(1).max(12),
  }),
  z.object({ type: z.literal('events'), endpoint: z.string().min(1).optional() }),
  z.object({ type: z.literal('services'), endpoint: z.string().min(1) }),
]);
export type WallTile = z.infer<typeof wallTile>;

export const wallLayoutConfig = z.object({
  rotateSeconds: z.number().int().min(5).max(3600).default(30),
  pages: z
    .array(
      z.object({ title: z.string().max(100).optional(), tiles: z.array(wallTile).min(1).max(12) }),
    )
    .min(1)
    .max(20),
});
export type WallLayoutConfig = z.infer<typeof wallLayoutConfig>;

export interface WallLayoutSummary {
  id: number;
  name: string;
  config: WallLayoutConfig;
  createdAt: number;
  updatedAt: number;
}

export interface WallDeviceSummary {
  id: number;
  name: string;
  layoutId: number | null;
  createdAt: number;
  lastSeenAt: number | null;
}

/** What a wall polls while it shows its pairing code. */
export type WallPairingState =
  | { status: 'pending'; code: string; expiresAt: number }
  | { status: 'approved'; layoutId: number | null };
