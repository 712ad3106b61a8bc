// GET: an admin downloads a fresh, consistent, verified backup of the whole ledger (an SQLite file).
import { api } from '../../../_lib/handler';
import { getDbHandle } from '@/db/client';
import { backupDownloadResponse } from '@/lib/ops/download';

export const dynamic = 'force-dynamic';

export const GET = api('admin', () => backupDownloadResponse(getDbHandle().sqlite));
