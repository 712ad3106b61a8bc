'use client';
// A button that opens a modal form bound to a server action: errors show inside, success closes it and is announced.
import { useActionState, useEffect, useId, useRef, type ReactNode } from 'react';
import type { FormState } from '@/lib/i18n/form-errors';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { useNotice } from './notice';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export type ActionDialogProps = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  hidden?: Record<string, string | number>;
  trigger: { text: string; label?: string; variant?: Variant; className?: string };
  title: string;
  description?: ReactNode;
  submit: { text: string; pending: string; variant?: Variant };
  cancel: string;
  /** The form's fields, given the last error state (field messages and the values typed). */
  children?: (error: FormState) => ReactNode;
};

export function ActionDialog({ action, hidden = {}, trigger, title, description, submit, cancel, children }: ActionDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const notify = useNotice();
  const [state, formAction, pending] = useActionState(action, undefined);
  useEffect(() => {
    if (state?.ok) {
      dialog.current?.close();
      if (state.message) notify(state.message);
    }
  }, [state, notify]);
  const error = state?.ok ? undefined : state;
  return (
    <>
      <Button variant={trigger.variant ?? 'secondary'} className={trigger.className} aria-label={trigger.label} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {trigger.text}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-left whitespace-normal text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} noValidate className="flex flex-col gap-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          {description && <div className="text-sm text-slate-700">{description}</div>}
          {error?.message && (
            <p role="alert" className="rounded-md bg-warn-50 px-3 py-2 text-sm text-warn-700">
              {error.message}
            </p>
          )}
          {Object.entries(hidden).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          {children?.(error)}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {cancel}
            </Button>
            <Button type="submit" variant={submit.variant ?? 'primary'} disabled={pending} className={cn(pending && 'cursor-wait')}>
              {pending ? submit.pending : submit.text}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
