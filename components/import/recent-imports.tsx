import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ImportListRow } from '@/db/queries/imports';
import { Table, TableBox, Td, Th } from '@/components/ui/table';

export async function RecentImports({ rows }: { rows: ImportListRow[] }) {
  const t = await getTranslations('importExport');
  const format = await getFormatter();
  if (!rows.length) return <p className="text-sm text-slate-600">{t('recent.empty')}</p>;
  return (
    <TableBox label={t('recent.heading')}>
      <Table>
        <thead>
          <tr>
            <Th>{t('recent.file')}</Th>
            <Th>{t('recent.kind')}</Th>
            <Th>{t('recent.status')}</Th>
            <Th numeric>{t('recent.rows')}</Th>
            <Th>{t('recent.createdAt')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <Td className="max-w-72 truncate">
                <Link href={`/import/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {r.fileName}
                </Link>
              </Td>
              <Td>{t(`upload.kinds.${r.kind}`)}</Td>
              <Td>{t(`statuses.${r.status}`)}</Td>
              <Td numeric>{r.rowCount}</Td>
              <Td className="whitespace-nowrap">{format.dateTime(new Date(r.createdAt), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableBox>
  );
}
