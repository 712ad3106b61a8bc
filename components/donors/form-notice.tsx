'use client';
// The message above a directory form after a refused save; a stale edit also offers the latest version.
import { useTranslations } from 'next-intl';
import type { DirectoryFormState } from './form-state';

export function FormNotice({ state, reloadHref }: { state: DirectoryFormState; reloadHref?: string }) {
  const t = useTranslations('directory.form');
  if (!state?.message) return null;
  return (
    <div role="alert" className="rounded-md border-l-4 border-warn-600 bg-warn-50 px-3 py-2 text-sm text-warn-700">
      <p>{state.message}</p>
      {state.conflict && reloadHref && (
        // A full load on purpose: the form must start again from the version now stored.
        <a href={reloadHref} className="mt-1 inline-block font-medium underline underline-offset-2">
          {t('reload')}
        </a>
      )}
    </div>
  );
}
