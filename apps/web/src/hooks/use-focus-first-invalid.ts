import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * After a submit that the form's own checks refused, moves focus to the first field marked
 * `aria-invalid`, so keyboard and screen-reader users land on what needs fixing.
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  const refused = useCallback(() => setAttempt((n) => n + 1), []);
  return [ref, refused] as const;
}
