// The message key (under `errors.`) for each way a typed amount can fail to parse: one table for forms and imports.
import type { MoneyParseError } from '../money';

export const MONEY_ERROR_KEYS: Record<MoneyParseError, string> = {
  empty: 'amountEmpty',
  invalid: 'amountInvalid',
  negative: 'amountNegative',
  too_precise: 'amountTooPrecise',
  too_large: 'amountTooLarge',
  ambiguous: 'amountAmbiguous',
};
