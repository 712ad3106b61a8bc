/** A record id from a URL segment, or null for anything that is not one (answered with 404, never a 500). */
export const routeId = (raw: string): number | null => (/^\d{1,10}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 2 ** 31 ? Number(raw) : null);
