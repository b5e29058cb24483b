import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether the element is on screen and the tab is showing: live streams (stats) run only then,
 * so a long page of cards or a hidden tab costs the engines nothing.
 */
export function useVisible(ref: RefObject<Element | null>): boolean {
  // Without IntersectionObserver (old browsers, tests) everything counts as on screen.
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  const [pageVisible, setPageVisible] = useState(
    () => typeof document === 'undefined' || document.visibilityState !== 'hidden',
  );
  useEffect(() => {
    const node = ref.current;
    if (!node || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) setInView(entry.isIntersecting);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref]);
  useEffect(() => {
    const onChange = () => setPageVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return inView && pageVisible;
}
