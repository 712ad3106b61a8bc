'use client';
import { useActionState, useEffect, useId, useRef } from 'react';
import type { FormState } from '@/lib/i18n/form-errors';
import { Button } from '@/components/ui/button';
import { Field, Textarea, describedBy } from '@/components/ui/field';

export type VoidTexts = { trigger: string; triggerLabel?: string; title: string; description: string; reason: string; reasonHint: string; confirm: string; confirming: string; cancel: string };

/** Voiding asks for a reason in a modal dialog; nothing is deleted, the record stays struck through. */
export function VoidDialog({
  action,
  hidden,
  texts,
  compact = false,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  texts: VoidTexts;
  compact?: boolean;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(action, undefined);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  const error = state?.ok ? undefined : state;
  return (
    <>
      <Button
        variant={compact ? 'ghost' : 'danger'}
        className={compact ? 'min-h-8 px-2 text-warn-700 hover:bg-warn-50' : undefined}
        aria-label={texts.triggerLabel}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        {texts.trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg whitespace-normal bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} noValidate className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {texts.title}
          </h2>
          <p className="text-sm whitespace-normal text-slate-700">{texts.description}</p>
          {error?.message && (
            <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm whitespace-normal text-warn-700">
              {error.message}
            </p>
          )}
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <Field id={`${id}-reason`} label={texts.reason} hint={texts.reasonHint} error={error?.fields?.reason} required>
            <Textarea
              id={`${id}-reason`}
              name="reason"
              required
              maxLength={500}
              rows={3}
              defaultValue={error?.values?.reason}
              aria-invalid={Boolean(error?.fields?.reason)}
              aria-describedby={describedBy(`${id}-reason`, error?.fields?.reason, true)}
            />
          </Field>
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {texts.cancel}
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? texts.confirming : texts.confirm}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
