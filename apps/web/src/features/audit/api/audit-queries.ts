import { gatewayKeys } from '@berth/api';
import type { AuditFilters, AuditPage } from '@berth/api';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { gateway } from '@/lib/api-client';
import { toAuditFilters } from './audit-search';
import type { AuditSearch } from './audit-search';

export const AUDIT_PAGE_SIZE = 500;

interface PageParam {
  offset: number;
  /** The first page's filters, reused so every page reads the same time window. */
  filters: AuditFilters;
}

export type AuditQueryPage = AuditPage & { filters: AuditFilters; offset: number };

/** The log, newest first, a page at a time as the table scrolls. */
export function auditQueryOptions(search: AuditSearch) {
  return infiniteQueryOptions({
    queryKey: gatewayKeys.auditList(search),
    queryFn: async ({ pageParam, signal }): Promise<AuditQueryPage> => {
      const filters = pageParam?.filters ?? toAuditFilters(search, Date.now());
      const offset = pageParam?.offset ?? 0;
      const page = await gateway.queryAudit(filters, { limit: AUDIT_PAGE_SIZE, offset }, signal);
      return { ...page, filters, offset };
    },
    initialPageParam: null as PageParam | null,
    getNextPageParam: (last): PageParam | null => {
      const next = last.offset + last.entries.length;
      return last.entries.length > 0 && next < last.total
        ? { offset: next, filters: last.filters }
        : null;
    },
    staleTime: 10_000,
  });
}
