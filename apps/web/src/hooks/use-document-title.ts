import { useEffect } from 'react';

/** "Containers · Berth": tabs and history entries say where they lead. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Berth` : 'Berth';
  }, [title]);
}
