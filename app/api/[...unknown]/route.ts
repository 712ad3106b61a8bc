// Any API path that names no resource answers a JSON 404 (in the caller's language), not an HTML page.
import type { NextRequest } from 'next/server';
import { apiLocale, errorResponse } from '../_lib/handler';
import { DomainError } from '@/lib/errors';

const notFound = (req: NextRequest) => errorResponse(apiLocale(req), new DomainError(404, 'notFound'));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
