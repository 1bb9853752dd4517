/** The one password rule, for the server's checks and the forms' hints. */
export const PASSWORD_MIN = 12;
export const PASSWORD_RULE = `at least ${PASSWORD_MIN} characters`;
export const passwordOk = (p: string) => typeof p === 'string' && p.length >= PASSWORD_MIN && p.length <= 1024;
