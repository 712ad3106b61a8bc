// The session cookie's name, shared by the proxy (which only checks that it is present) and the session code.
export const SESSION_COOKIE = 'ledger_session';
