import { cn } from '@/lib/cn';
import { TableBox } from '@/components/ui/table';

type Column = { label: string; numeric?: boolean; nowrap?: boolean };

/** A report table: small, ruled, its header repeated on each printed page, never split inside a row. */
export function ReportTable({ caption, columns, rows, total, testId, bare }: { caption: string; columns: Column[]; rows: string[][]; total?: string[]; testId?: string; bare?: boolean }) {
  const table = (
    <table className="w-full border-collapse text-sm print:text-[8.5pt]" data-testid={testId}>
      <caption className="caption-top py-2 text-center text-sm font-semibold text-slate-800 print:text-[9.5pt]">{caption}</caption>
      <thead className="print:table-header-group">
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={cn('border border-slate-300 bg-slate-100 px-2 py-1.5 text-xs font-semibold whitespace-nowrap text-slate-700 print:bg-white', c.numeric ? 'text-right' : 'text-left')}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="print:break-inside-avoid">
            {r.map((v, k) => (
              <td key={k} className={cn('border border-slate-300 px-2 py-1 align-top', columns[k]?.numeric && 'tabular text-right whitespace-nowrap', columns[k]?.nowrap && 'whitespace-nowrap')}>
                {v}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr className="font-semibold">
            {total.map((v, k) => (
              <td key={k} className={cn('border border-slate-300 bg-slate-50 px-2 py-1', columns[k]?.numeric && 'tabular text-right whitespace-nowrap')}>
                {v}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
  if (bare) return table;
  return (
    <TableBox label={caption} className="mt-3 print:overflow-visible print:ring-0">
      {table}
    </TableBox>
  );
}
