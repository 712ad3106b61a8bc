/** A year from the URL if the ledger has pledges in it; anything else shows all years. */
export const yearParam = (raw: string | undefined, years: number[]): number | undefined => (raw && /^\d{4}$/.test(raw) && years.includes(Number(raw)) ? Number(raw) : undefined);
