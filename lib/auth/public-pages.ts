/** The pages used without a session: sign-in and the pages one-time links open. */
export const PUBLIC_PAGES = ['/login', '/setup', '/invite', '/reset'];

export const isPublicPage = (pathname: string) => PUBLIC_PAGES.includes(pathname);
