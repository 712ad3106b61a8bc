import { api } from '../../../_lib/handler';
import { attachment } from '@/lib/export/download';
import { IATI_TYPE, iatiStream } from '@/lib/export/iati';
import { JSON_TYPE, openDataStream } from '@/lib/export/open-data';

/** The whole ledger as open data, streamed from one moment of it: ?format=json (default) or ?format=iati (IATI 2.03 activity XML). */
export const GET = api('read', ({ db, req }) => {
  if (req.nextUrl.searchParams.get('format') === 'iati') return attachment(iatiStream(db), IATI_TYPE, 'ledger-iati.xml', '帮扶台账-IATI.xml');
  return attachment(openDataStream(db), JSON_TYPE, 'ledger.json', '帮扶台账.json');
});
