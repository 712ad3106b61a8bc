'use client';
// An amount typed in yuan ("5,175,300", "517.53万"), echoed back exactly as the ledger will read it.
import type { RefObject } from 'react';
import { useTranslations } from 'next-intl';
import { formatWan, formatYuan, parseYuan } from '@/lib/money';
import { Field, describedBy, inputClass } from '@/components/ui/field';
import { cn } from '@/lib/cn';

/** "= ¥5,175,300.00（517.53万元）" once the text reads as an amount; null while it does not. */
export function useAmountEcho(text: string): string | null {
  const t = useTranslations('pledgeForm');
  if (text.trim() === '') return null;
  const parsed = parseYuan(text);
  if (!parsed.ok) return null;
  return t('amountEcho', { exact: formatYuan(parsed.fen), wan: formatWan(parsed.fen).replace(/万元$/, '') });
}

export function AmountField({
  id,
  name,
  label,
  value,
  onChange,
  error,
  hint,
  inputRef,
  className,
  invalid,
  alsoDescribedBy,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  hint?: string;
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
  /** marked wrong by a message shown elsewhere (rows that do not add up) */
  invalid?: boolean;
  alsoDescribedBy?: string;
}) {
  const echo = useAmountEcho(value);
  const shown = echo ?? hint;
  return (
    <Field id={id} label={label} hint={shown ? <span className={cn(echo && 'tabular font-medium text-ok-600')}>{shown}</span> : undefined} error={error} required className={className}>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={cn(inputClass, 'tabular')}
        aria-invalid={Boolean(error) || invalid || undefined}
        aria-describedby={[describedBy(id, error, Boolean(shown)), alsoDescribedBy].filter(Boolean).join(' ') || undefined}
        aria-required
      />
    </Field>
  );
}
