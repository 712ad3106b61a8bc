'use client';
// Picks a file and what it holds, uploads it, and opens its preview; nothing is written to the ledger here.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { postFile } from './api';

const MAX_BYTES = 10 * 1024 * 1024;

export function UploadForm() {
  const t = useTranslations('importExport.upload');
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(t('noFile'));
    if (file.size > MAX_BYTES) return setError(t('tooLarge'));
    setBusy(true);
    setError(null);
    try {
      const created = await postFile<{ id: number }>('/api/v1/imports', form);
      router.push(`/import/${created.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('kind')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(['pledges', 'receipts'] as const).map((kind) => (
            <label key={kind} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="kind" value={kind} defaultChecked={kind === 'pledges'} className="size-4" />
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id={`${id}-file`} label={t('file')} hint={t('fileHint')} error={error ?? undefined}>
        <Input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? `${id}-file-error` : `${id}-file-hint`}
          aria-invalid={error ? true : undefined}
          className="file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-brand-700"
        />
      </Field>
      <p className="text-sm text-slate-600">{t('safe')}</p>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t('uploading') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
