// Password length bounds, shared by the schemas (also in the browser) and the hashing module.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
