'use client';
// A row's finding in the person's language: where (column letter and header), what, and the cell's content for errors.
import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { formatYuan } from '@/lib/money';
import { columnLetter, type Cell, type Issue } from './api';

export function useIssueText(headers: string[]) {
  const t = useTranslations();
  return useCallback(
    (issue: Issue, cells: Cell[]) => {
      const values: Record<string, string | number> = { ...(issue.v ?? {}) };
      if (typeof values.type === 'string') values.type = t(`donorTypes.${values.type}` as never);
      if (typeof values.outstanding === 'number') values.outstanding = formatYuan(values.outstanding);
      const key = issue.k.startsWith('errors.') ? issue.k : `importExport.issues.${issue.k}`;
      const message = t.has(key as never) ? t(key as never, values as never) : issue.k;
      if (issue.c === null) return message;
      const where = t('importExport.rows.where', { letter: columnLetter(issue.c), header: headers[issue.c] || t('importExport.mapping.emptyHeader') });
      const cell = cells[issue.c];
      const shown = !issue.w && cell !== null && cell !== undefined && String(cell).trim() !== '' ? t('importExport.rows.cellValue', { value: String(cell) }) : '';
      return `${where}${t('importExport.rows.colon')}${message}${shown}`;
    },
    [t, headers],
  );
}
