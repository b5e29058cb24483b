import { useEffect, useRef } from 'react';
import { cn } from '@/lib/cn';

/** Draws `values` as a line over a faint area, scaled to `max` (or their own maximum). */
export function drawSparkline(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  { max, color }: { max?: number; color: string },
): void {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const n = values.length;
  if (n < 2) return;
  let top = max ?? 0;
  if (max === undefined) for (let i = 0; i < n; i++) top = Math.max(top, values[i] ?? 0);
  if (top <= 0) top = 1;
  const x = (i: number) => (i / (n - 1)) * (width - 1) + 0.5;
  const y = (v: number) => height - 1 - (Math.min(v, top) / top) * (height - 2);
  ctx.beginPath();
  ctx.moveTo(x(0), y(values[0] ?? 0));
  for (let i = 1; i < n; i++) ctx.lineTo(x(i), y(values[i] ?? 0));
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.25;
  ctx.stroke();
  ctx.lineTo(x(n - 1), height);
  ctx.lineTo(x(0), height);
  ctx.closePath();
  ctx.globalAlpha = 0.15;
  ctx.fillStyle = color;
  ctx.fill();
  ctx.globalAlpha = 1;
}

/**
 * A tiny canvas line that the caller redraws through `onReady`'s draw function (no React render
 * per sample). Decorative: the number beside it carries the meaning.
 */
export function Sparkline({
  onReady,
  className,
}: {
  onReady: (canvas: HTMLCanvasElement | null) => void;
  className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const ready = useRef(onReady);
  useEffect(() => {
    ready.current = onReady;
  });
  useEffect(() => {
    ready.current(ref.current);
    return () => ready.current(null);
  }, []);
  return <canvas ref={ref} aria-hidden className={cn('h-4 w-10 shrink-0', className)} />;
}
