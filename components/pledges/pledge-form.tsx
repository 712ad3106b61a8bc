'use client';
// The pledge entry form (record and edit): built for fast keyboard entry by people used to spreadsheets.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { recordPledgeAction, updatePledgeAction } from '@/app/pledges/actions';
import { CHANNELS, PLEDGE_FORMS } from '@/lib/codes';
import type { MessageRef } from '@/lib/errors';
import { formatWan, formatYuan, parseYuan } from '@/lib/money';
import { displayName, type Locale } from '@/lib/names';
import { checkPledgeForm, pledgeFormValues, type PledgeFormState } from '@/lib/pledge-form-input';
import { Button, buttonClass } from '@/components/ui/button';
import { Field, Input, Select, Textarea, describedBy } from '@/components/ui/field';
import { AllocationRows, type AllocationRow, type CategoryOption } from './allocation-rows';
import { DonorPicker } from './donor-picker';
import { AmountField } from './form-amount';
import { InstalmentSchedule, type InstalmentRow } from './instalment-rows';
import { oneTimeKey, type DonorLookup, type PlaceLookup } from './form-api';
import { donorChoice, placeChoice, type DonorChoice, type PlaceChoice } from './form-hooks';
import { PlacePicker } from './place-picker';

export type PledgeFormInitial = {
  donor: DonorLookup | null;
  amount: string;
  form: string;
  channel: string;
  pledgedOn: string;
  dueOn: string;
  projectName: string;
  note: string;
  beneficiaries: string;
  jobs: string;
  peopleTrained: string;
  split: boolean;
  place: PlaceLookup | null;
  category: string;
  rows: { place: PlaceLookup | null; category: string; amount: string }[];
  /** the pledge's schedule; none keeps the schedule section closed */
  instalments: { dueOn: string; amount: string }[];
};

type Draft = Omit<PledgeFormInitial, 'donor' | 'place' | 'rows' | 'instalments'> & {
  donor: DonorChoice | null;
  place: PlaceChoice | null;
  rows: AllocationRow[];
  schedule: boolean;
  instalments: InstalmentRow[];
};
type TextKey = 'amount' | 'form' | 'channel' | 'pledgedOn' | 'dueOn' | 'projectName' | 'note' | 'beneficiaries' | 'jobs' | 'peopleTrained' | 'category';

// What a coordinator keeps from one entry to the next in this browser tab.
const LAST_USED_KEY = 'pledgeForm.lastUsed';
// Errors a changed field makes moot.
const ERRORS_OF: Partial<Record<TextKey, string[]>> = { amount: ['amountFen', 'instalments', 'allocations'], pledgedOn: ['pledgedOn', 'dueOn'], category: ['category'] };
const isInstalmentError = (key: string) => key === 'instalments' || key.startsWith('instalments.');
const isInstalmentDateError = (key: string) => /^instalments\.\d+\.dueOn$/.test(key);
const focusFirstError = (form: HTMLFormElement | null, alert: HTMLElement | null) => {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  (first ?? alert)?.focus();
};

export function PledgeForm({
  mode,
  initial,
  categories,
  initialToken,
  pledgeId,
  version,
}: {
  mode: 'create' | 'edit';
  initial: PledgeFormInitial;
  categories: CategoryOption[];
  initialToken: string;
  pledgeId?: number;
  version?: number;
}) {
  const t = useTranslations('pledgeForm');
  const tAll = useTranslations();
  const locale: Locale = useLocale() === 'en' ? 'en' : 'zh';
  const queryClient = useQueryClient();
  // Rows added later count from here; the initial rows have keys of their own, so the counter is never read while rendering.
  const rowKey = useRef(0);
  const nextRowKey = () => `row-${++rowKey.current}`;
  const [draft, setDraft] = useState<Draft>(() => ({
    ...initial,
    donor: initial.donor && donorChoice(initial.donor, locale),
    place: initial.place && placeChoice(initial.place, locale),
    rows: initial.rows.map((r, n) => ({ key: `initial-row-${n}`, place: r.place && placeChoice(r.place, locale), category: r.category, amount: r.amount })),
    schedule: initial.instalments.length > 0,
    instalments: initial.instalments.map((i, n) => ({ key: `initial-instalment-${n}`, ...i })),
  }));
  const [token, setToken] = useState(initialToken);
  const [state, formAction, pending] = useActionState(mode === 'create' ? recordPledgeAction : updatePledgeAction, undefined as PledgeFormState);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const [focusTick, setFocusTick] = useState(0);
  const [continuedFrom, setContinuedFrom] = useState<number | null>(null);
  const [remembered, setRemembered] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const donorRef = useRef<HTMLInputElement>(null);

  const serverFields = state && !state.ok ? (state.fields ?? {}) : {};
  const shownErrors = Object.fromEntries(Object.entries(clientErrors ?? serverFields).filter(([k]) => !dismissed.has(k)));
  const err = (key: string) => shownErrors[key];
  const saved = mode === 'create' && state?.ok && state.saved && state.saved.id !== continuedFrom ? state.saved : null;

  const dismiss = (...keys: string[]) => {
    if (keys.some((k) => shownErrors[k] !== undefined)) setDismissed((d) => new Set([...d, ...keys]));
  };
  const set = <K extends TextKey>(key: K, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // a new pledge date may settle whether each instalment falls due too early
    dismiss(...(ERRORS_OF[key] ?? [key]), ...(key === 'pledgedOn' ? Object.keys(shownErrors).filter(isInstalmentDateError) : []));
  };

  // A new entry starts from the form, channel and date used last in this tab.
  useEffect(() => {
    if (mode !== 'create') return;
    try {
      const last = JSON.parse(sessionStorage.getItem(LAST_USED_KEY) ?? 'null') as { form?: string; channel?: string; pledgedOn?: string } | null;
      if (!last) return;
      // sessionStorage exists only in the browser: reading it while rendering would make the first render differ from the server's
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setDraft((d) => ({ ...d, form: last.form ?? d.form, channel: last.channel ?? d.channel, pledgedOn: last.pledgedOn ?? d.pledgedOn }));
      setRemembered(true);
    } catch {
      // storage unavailable (private mode): the defaults stand
    }
  }, [mode]);

  // After a refusal, the cursor goes to the first field to fix (or to the message when no field is named):
  // here for the browser's own check on submit, below for the server's answer.
  useEffect(() => {
    if (focusTick > 0) focusFirstError(formRef.current, alertRef.current);
  }, [focusTick]);

  useEffect(() => {
    if (!state) return;
    if (!state.ok) {
      // the refusal is on screen already (this runs after it rendered)
      focusFirstError(formRef.current, alertRef.current);
      return;
    }
    // Every figure on other screens may have changed.
    void queryClient.invalidateQueries();
    if (mode === 'create') {
      try {
        sessionStorage.setItem(LAST_USED_KEY, JSON.stringify({ form: draft.form, channel: draft.channel, pledgedOn: draft.pledgedOn }));
      } catch {
        // storage unavailable: nothing to remember
      }
      // Enter goes straight on to the next entry of a series.
      continueRef.current?.focus();
    }
    // only the answer's arrival matters, not the draft it was sent with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  useEffect(() => {
    if (continuedFrom !== null) donorRef.current?.focus();
  }, [continuedFrom]);

  const translate = (errors: Record<string, MessageRef>) =>
    Object.fromEntries(
      Object.entries(errors).map(([field, m]) => {
        const own = `pledgeForm.errors.${m.key}`;
        const shared = `errors.${m.key}`;
        return [field, tAll.has(own) ? tAll(own) : tAll.has(shared) ? tAll(shared) : tAll('errors.invalidValue')];
      }),
    );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    const { errors } = checkPledgeForm(pledgeFormValues(data));
    setDismissed(new Set());
    if (Object.keys(errors).length) {
      setClientErrors(translate(errors));
      setFocusTick((n) => n + 1);
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(data));
  };

  const startSplit = () => {
    dismiss('placeId', 'category');
    setDraft((d) => ({
      ...d,
      split: true,
      rows: [
        { key: nextRowKey(), place: d.place, category: d.category, amount: '' },
        { key: nextRowKey(), place: null, category: d.category, amount: '' },
      ],
    }));
    requestAnimationFrame(() => document.getElementById('pf-alloc-0-amount')?.focus());
  };
  const endSplit = () => {
    dismiss('allocations', ...Object.keys(shownErrors).filter((k) => k.startsWith('allocations.')));
    setDraft((d) => ({ ...d, split: false, place: d.rows[0]?.place ?? d.place, category: d.rows[0]?.category ?? d.category, rows: [] }));
    requestAnimationFrame(() => document.getElementById('pf-place')?.focus());
  };
  const continueEntry = () => {
    setDraft((d) => ({ ...d, amount: '', dueOn: '', projectName: '', note: '', beneficiaries: '', jobs: '', peopleTrained: '', split: false, place: null, category: '', rows: [], schedule: false, instalments: [] }));
    setToken(oneTimeKey());
    setClientErrors(null);
    setDismissed(new Set());
    setContinuedFrom(state?.ok && state.saved ? state.saved.id : null);
  };

  const amountParsed = parseYuan(draft.amount);
  const totalFen = amountParsed.ok ? amountParsed.fen : null;
  const fieldCount = Object.keys(shownErrors).length;
  const alertText = clientErrors ? (fieldCount > 0 ? t('fixBelow', { count: fieldCount }) : null) : state && !state.ok ? state.message : null;

  return (
    <>
      {saved && (
        <section aria-labelledby="pf-saved-title" className="mb-5 rounded-lg border-l-4 border-ok-600 bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <h2 id="pf-saved-title" className="text-lg font-semibold text-ok-600">
            {t('savedTitle')}
          </h2>
          <p className="mt-1 text-sm text-slate-800" role="status">
            {t('savedBody', {
              donor: displayName({ name: saved.donorName, nameZh: saved.donorNameZh }, locale),
              amount: formatYuan(saved.amountFen),
              wan: formatWan(saved.amountFen).replace(/万元$/, ''),
              id: saved.id,
            })}
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            <button ref={continueRef} type="button" onClick={continueEntry} className={buttonClass('primary')}>
              {t('recordAnother')}
            </button>
            <Link href={`/pledges/${saved.id}`} className={buttonClass('secondary')}>
              {t('viewPledge', { id: saved.id })}
            </Link>
            <Link href="/pledges" className={buttonClass('ghost')}>
              {t('toList')}
            </Link>
          </div>
          <p className="mt-2 text-xs text-slate-500">{t('recordAnotherHint')}</p>
        </section>
      )}

      <form ref={formRef} onSubmit={onSubmit} noValidate hidden={Boolean(saved)} aria-busy={pending} aria-describedby="pf-keys" className="flex flex-col gap-5">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="donorId" value={draft.donor ? String(draft.donor.id) : ''} />
        <input type="hidden" name="split" value={draft.split ? '1' : ''} />
        {!draft.split && <input type="hidden" name="placeId" value={draft.place ? String(draft.place.id) : ''} />}
        {pledgeId !== undefined && <input type="hidden" name="pledgeId" value={pledgeId} />}
        {version !== undefined && <input type="hidden" name="version" value={version} />}

        <p id="pf-keys" className="hidden text-xs text-slate-500 sm:block">
          {t('keyboardHint')}
        </p>
        {remembered && mode === 'create' && <p className="text-xs text-slate-500 sm:-mt-3">{t('remembered')}</p>}

        {alertText && (
          <div ref={alertRef} tabIndex={-1} role="alert" className="rounded-md bg-warn-50 px-4 py-3 text-sm text-warn-700 ring-1 ring-warn-600/30 outline-none">
            <p className="font-medium">{alertText}</p>
            {state && !state.ok && state.conflict && !clientErrors && (
              <p className="mt-2">
                {t('conflictHelp')}{' '}
                <a href={`/pledges/${pledgeId}/edit`} className="font-medium underline underline-offset-2">
                  {t('conflictReload')}
                </a>
              </p>
            )}
            {!clientErrors && state && !state.ok && fieldCount > 0 && <p className="mt-1">{t('fixBelow', { count: fieldCount })}</p>}
          </div>
        )}

        <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <legend className="float-left mb-3 w-full text-base font-semibold text-slate-900">{t('sectionWho')}</legend>
          <div className="clear-both grid gap-4 sm:grid-cols-6">
            <div className="sm:col-span-4">
              <DonorPicker
                id="pf-donor"
                inputRef={donorRef}
                value={draft.donor}
                onChange={(donor) => {
                  setDraft((d) => ({ ...d, donor }));
                  dismiss('donorId');
                }}
                error={err('donorId')}
              />
            </div>
            <AmountField
              id="pf-amount"
              name="amount"
              className="sm:col-span-2"
              label={t('amount')}
              hint={t('amountHint')}
              value={draft.amount}
              onChange={(v) => set('amount', v)}
              error={err('amountFen')}
            />
          </div>
        </fieldset>

        <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <legend className="float-left mb-3 w-full text-base font-semibold text-slate-900">{t('sectionWhere')}</legend>
          <div className="clear-both">
            {draft.split ? (
              <>
                <AllocationRows
                  rows={draft.rows}
                  onChange={(rows) => {
                    setDraft((d) => ({ ...d, rows }));
                    setDismissed((d) => new Set([...d, ...Object.keys(shownErrors).filter((k) => k.startsWith('allocations'))]));
                  }}
                  onAdd={() => {
                    setDraft((d) => ({ ...d, rows: [...d.rows, { key: nextRowKey(), place: null, category: d.rows.at(-1)?.category ?? '', amount: '' }] }));
                    const next = draft.rows.length;
                    requestAnimationFrame(() => document.getElementById(`pf-alloc-${next}-place`)?.focus());
                  }}
                  categories={categories}
                  totalFen={totalFen}
                  errors={shownErrors}
                />
                <Button variant="ghost" className="mt-3" onClick={endSplit}>
                  {t('unsplit')}
                </Button>
              </>
            ) : (
              <>
                <div className="grid gap-4 sm:grid-cols-6">
                  <PlacePicker
                    id="pf-place"
                    className="sm:col-span-4"
                    label={t('place')}
                    value={draft.place}
                    onChange={(place) => {
                      setDraft((d) => ({ ...d, place }));
                      dismiss('placeId');
                    }}
                    error={err('placeId')}
                  />
                  <Field id="pf-category" label={t('category')} error={err('category')} required className="sm:col-span-2">
                    <Select
                      id="pf-category"
                      name="category"
                      value={draft.category}
                      onChange={(e) => set('category', e.target.value)}
                      aria-invalid={Boolean(err('category')) || undefined}
                      aria-describedby={describedBy('pf-category', err('category'))}
                      aria-required
                    >
                      <option value="">{t('chooseCategory')}</option>
                      {categories.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.label}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <Button variant="secondary" className="mt-4" onClick={startSplit}>
                  {t('split')}
                </Button>
              </>
            )}
          </div>
        </fieldset>

        <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <legend className="float-left mb-3 w-full text-base font-semibold text-slate-900">{t('sectionTerms')}</legend>
          <div className="clear-both grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Field id="pf-form" label={t('form')} error={err('form')} required>
              <Select id="pf-form" name="form" value={draft.form} onChange={(e) => set('form', e.target.value)} aria-invalid={Boolean(err('form')) || undefined} aria-describedby={describedBy('pf-form', err('form'))}>
                {PLEDGE_FORMS.map((f) => (
                  <option key={f} value={f}>
                    {tAll(`forms.${f}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="pf-channel" label={t('channel')} error={err('channel')} required>
              <Select id="pf-channel" name="channel" value={draft.channel} onChange={(e) => set('channel', e.target.value)} aria-invalid={Boolean(err('channel')) || undefined} aria-describedby={describedBy('pf-channel', err('channel'))}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {tAll(`channels.${c}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="pf-pledgedOn" label={t('pledgedOn')} error={err('pledgedOn')} required className="col-span-2 min-[420px]:col-span-1">
              <Input id="pf-pledgedOn" name="pledgedOn" type="date" value={draft.pledgedOn} onChange={(e) => set('pledgedOn', e.target.value)} aria-invalid={Boolean(err('pledgedOn')) || undefined} aria-describedby={describedBy('pf-pledgedOn', err('pledgedOn'))} aria-required />
            </Field>
            <Field id="pf-dueOn" label={t('dueOn')} hint={t('dueOnHint')} error={err('dueOn')} className="col-span-2 min-[420px]:col-span-1">
              <Input id="pf-dueOn" name="dueOn" type="date" value={draft.dueOn} min={draft.pledgedOn || undefined} onChange={(e) => set('dueOn', e.target.value)} aria-invalid={Boolean(err('dueOn')) || undefined} aria-describedby={describedBy('pf-dueOn', err('dueOn'), true)} />
            </Field>
          </div>
          <InstalmentSchedule
            open={draft.schedule}
            rows={draft.instalments}
            onChange={(schedule, instalments) => {
              setDraft((d) => ({ ...d, schedule, instalments }));
              dismiss(...Object.keys(shownErrors).filter(isInstalmentError));
            }}
            newKey={nextRowKey}
            totalFen={totalFen}
            pledgedOn={draft.pledgedOn}
            errors={shownErrors}
            hadSchedule={mode === 'edit' && initial.instalments.length > 0}
          />
        </fieldset>

        <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
          <legend className="float-left mb-3 w-full text-base font-semibold text-slate-900">
            {t('sectionDetails')} <span className="text-sm font-normal text-slate-500">{t('optionalSection')}</span>
          </legend>
          <div className="clear-both grid gap-4 sm:grid-cols-2">
            <Field id="pf-projectName" label={t('projectName')} error={err('projectName')}>
              <Input id="pf-projectName" name="projectName" value={draft.projectName} maxLength={200} onChange={(e) => set('projectName', e.target.value)} aria-invalid={Boolean(err('projectName')) || undefined} aria-describedby={describedBy('pf-projectName', err('projectName'))} />
            </Field>
            <Field id="pf-note" label={t('note')} error={err('note')}>
              <Textarea id="pf-note" name="note" rows={2} className="min-h-10" value={draft.note} maxLength={2000} onChange={(e) => set('note', e.target.value)} aria-invalid={Boolean(err('note')) || undefined} aria-describedby={describedBy('pf-note', err('note'))} />
            </Field>
          </div>
          <div className="mt-4 grid grid-cols-1 gap-4 min-[420px]:grid-cols-3">
            {(['beneficiaries', 'jobs', 'peopleTrained'] as const).map((k) => (
              <Field key={k} id={`pf-${k}`} label={t(k)} error={err(k)}>
                <Input id={`pf-${k}`} name={k} inputMode="numeric" autoComplete="off" className="tabular" value={draft[k]} onChange={(e) => set(k, e.target.value)} aria-invalid={Boolean(err(k)) || undefined} aria-describedby={describedBy(`pf-${k}`, err(k))} />
              </Field>
            ))}
          </div>
        </fieldset>

        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="hidden text-xs text-slate-500 sm:block">{t('enterSubmits')}</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Link href={mode === 'edit' ? `/pledges/${pledgeId}` : '/pledges'} className={buttonClass('secondary')}>
              {tAll('common.cancel')}
            </Link>
            <Button type="submit" disabled={pending} className="sm:min-w-40">
              {pending ? t('saving') : mode === 'edit' ? t('submitEdit') : t('submit')}
            </Button>
          </div>
        </div>
      </form>
    </>
  );
}
