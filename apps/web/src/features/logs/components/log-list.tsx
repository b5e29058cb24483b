import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { LogStore } from '../utils/log-store';

export const LINE_HEIGHT = 18;
/** Spacers taller than this are scaled (every browser caps an element's height, ~17–33 Mpx). */
const MAX_SPACER = 8_000_000;

export interface ScrollRequest {
  /** Line index to bring into view (a third from the top). */
  index: number;
  nonce: number;
}

/**
 * The log's lines, virtualised by line index: only the lines in view exist in the DOM, whether
 * there are ten or a million. The scrollbar maps to line numbers (not measured pixels), so long
 * wrapped lines never need measuring and appending a million lines costs nothing here. At the
 * bottom the newest lines are anchored to the bottom edge.
 */
export function LogList({
  store,
  version,
  follow,
  onFollowChange,
  scrollRequest,
  renderLine,
  label,
  wrap,
}: {
  store: LogStore;
  /** The store's version: renders when lines arrive. */
  version: number;
  /** Keep the newest lines in view. */
  follow: boolean;
  /** The user scrolled away from the bottom (false) or back to it (true). */
  onFollowChange: (follow: boolean) => void;
  scrollRequest: ScrollRequest | null;
  renderLine: (index: number) => ReactNode;
  label: string;
  /** Wrapped lines fit the width; unwrapped ones scroll sideways. */
  wrap: boolean;
}) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(600);
  const [scrollTop, setScrollTop] = useState(0);
  /** scrollTop values we set ourselves: their scroll events are not the user's. */
  const ours = useRef<number | null>(null);
  /** The line at the top of the view (by sequence number) and how far into it, after a render. */
  const shown = useRef<{ seq: number; offset: number } | null>(null);

  const count = store.length;
  const rowsFit = Math.max(1, Math.floor(viewport / LINE_HEIGHT));
  const maxTop = Math.max(0, count - rowsFit);
  const natural = count * LINE_HEIGHT;
  const scaled = natural > MAX_SPACER;
  const spacer = scaled ? MAX_SPACER : natural;
  const scrollMax = Math.max(0, spacer - viewport);
  const topFor = (st: number) =>
    scaled ? Math.round((st / Math.max(1, scrollMax)) * maxTop) : Math.floor(st / LINE_HEIGHT);
  const scrollFor = (top: number) =>
    scaled ? (maxTop ? (top / maxTop) * scrollMax : 0) : top * LINE_HEIGHT;

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setViewport(scroller.clientHeight || 600));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  const setScroll = (value: number) => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const target = Math.max(0, Math.min(scrollMax, value));
    ours.current = target;
    scroller.scrollTop = target;
    setScrollTop(target);
  };

  // New lines: stay at the bottom when following; otherwise keep the same lines in view, whether
  // the oldest were dropped past the cap or older lines were inserted above (a backfill).
  useLayoutEffect(() => {
    if (follow) {
      setScroll(scrollMax);
      return;
    }
    const before = shown.current;
    if (!before) return;
    const index = store.indexOfSeq(before.seq);
    if (index !== topFor(scrollTop))
      setScroll(
        scaled ? scrollFor(Math.max(0, index)) : Math.max(0, index) * LINE_HEIGHT + before.offset,
      );
    // scrollMax and friends derive from version and viewport.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, follow, viewport]);

  useLayoutEffect(() => {
    if (!scrollRequest) return;
    setScroll(scrollFor(Math.max(0, scrollRequest.index - Math.floor(rowsFit / 3))));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  function onScroll() {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const st = scroller.scrollTop;
    setScrollTop(st);
    if (ours.current !== null && Math.abs(st - ours.current) < 2) return;
    ours.current = null;
    const atBottom = st >= scrollMax - LINE_HEIGHT / 2;
    if (follow && !atBottom) onFollowChange(false);
    else if (!follow && atBottom && count > rowsFit) onFollowChange(true);
  }

  const anchored = count > rowsFit && (follow || scrollTop >= scrollMax - 1);
  const top = anchored ? Math.max(0, count - rowsFit - 1) : Math.min(topFor(scrollTop), maxTop);
  const end = Math.min(count, top + rowsFit + 2);
  const offset = anchored || scaled ? 0 : scrollTop - top * LINE_HEIGHT;
  const lines: ReactNode[] = [];
  for (let i = top; i < end; i++) lines.push(renderLine(i));
  // Remembered for the next change of lines (runs after the effect above has corrected).
  useLayoutEffect(() => {
    shown.current = anchored ? null : { seq: store.seqOf(top), offset };
  });

  return (
    <div
      ref={scrollerRef}
      onScroll={onScroll}
      tabIndex={0}
      role="log"
      aria-live="off"
      aria-label={label}
      className="relative min-h-0 flex-1 overflow-auto bg-panel focus-visible:outline-offset-[-2px]"
      data-testid="log-scroll"
    >
      <div
        className="sticky top-0 min-w-full overflow-y-clip"
        style={{ height: viewport, width: wrap ? '100%' : 'max-content' }}
      >
        <div
          className="flex h-full flex-col"
          style={{
            justifyContent: anchored ? 'flex-end' : 'flex-start',
            transform: offset ? `translateY(${-offset}px)` : undefined,
          }}
        >
          {lines}
        </div>
      </div>
      <div aria-hidden style={{ height: Math.max(0, spacer - viewport) }} />
    </div>
  );
}
