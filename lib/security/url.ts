/**
 * Whether every percent-encoding of a request path decodes to UTF-8. Next decodes route parameters
 * (`/blog/[slug]`, `/pagefind/[...file]`) with decodeURIComponent and answers a broken one (`/blog/%C0`, a lone
 * `%E0%A4`) with a 500 and without the site's security headers; proxy.ts answers it with a plain 400 instead.
 */
export function isDecodablePath(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
