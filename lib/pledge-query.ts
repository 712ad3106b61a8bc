// Turns list query parameters (from a URL or the API) into a page of pledges; one path for page, API and export.
import 'server-only';
import { invalid } from './errors';
import { fieldErrors } from './validation/common';
import { pledgeListQuerySchema, type PledgeListQuery } from './validation/filters';
import { listPledges, type PledgeFilters, type PledgePage, type Reader } from '@/db/queries/pledges';

export const DEFAULT_PAGE_SIZE = 50;

export function parsePledgeListQuery(params: Record<string, string>): PledgeListQuery {
  const parsed = pledgeListQuerySchema.safeParse(params);
  if (!parsed.success) throw invalid(fieldErrors(parsed.error));
  return parsed.data;
}

export function pledgeFilters(q: PledgeListQuery): PledgeFilters {
  return {
    year: q.year,
    category: q.category,
    placeId: q.place ?? q.town,
    atPlaceId: q.at,
    donorId: q.donor,
    donorType: q.donorType,
    form: q.form,
    channel: q.channel,
    status: q.status,
    q: q.q,
    includeVoided: q.includeVoided !== undefined,
  };
}

export function queryPledges(reader: Reader, q: PledgeListQuery): PledgePage {
  return listPledges(reader, pledgeFilters(q), { sort: q.sort, dir: q.dir, page: q.page ?? 1, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE });
}
