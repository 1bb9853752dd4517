/**
 * Message templates: literal text with `{{name}}` placeholders, nothing else (no expressions, no
 * code). A name is a result column (`{{sourceIPAddress}}`, or a dotted alias such as
 * `{{userIdentity.arn}}`) or one of the built-ins below; spaces inside the braces are ignored.
 * A name the context lacks is left as written, so a typo shows in the message instead of vanishing.
 */
export const BUILTINS = ['rule', 'query', 'rowCount', 'window_start', 'window_end', 'link'] as const;
export const MAX_TEMPLATE_LENGTH = 2000;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_$][\w$.\-]*$/;

/** Problems with a template (empty when fine): unbalanced braces, bad names. */
export function templateErrors(t: string): string[] {
  const errors: string[] = [];
  if (t.length > MAX_TEMPLATE_LENGTH) errors.push(`is longer than ${MAX_TEMPLATE_LENGTH} characters`);
  for (const m of t.matchAll(TOKEN)) {
    if (!NAME.test(m[1])) errors.push(`'${m[0]}' at character ${m.index! + 1} is not a placeholder name (letters, digits, _ . - $)`);
  }
  const rest = t.replace(TOKEN, '');
  const stray = /\{\{|\}\}/.exec(rest);
  if (stray) errors.push(`has an unmatched '${stray[0]}'`);
  return errors;
}

export function placeholders(t: string): string[] {
  return [...t.matchAll(TOKEN)].map((m) => m[1]);
}

/** Renders with `values`; `escape` is applied to every substituted value (e.g. Slack's &, <, >). */
export function render(t: string, values: Record<string, string | number | undefined>, escape: (s: string) => string = (s) => s): string {
  return t.replace(TOKEN, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    return v === undefined ? whole : escape(String(v));
  });
}

/** Slack mrkdwn: values from results must not become links, mentions or formatting. */
export function escapeSlack(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The default line per row when the rule has no row template: `col=value` pairs. */
export function defaultRowText(columns: string[], row: Record<string, string>): string {
  return columns.map((c) => `${c}=${row[c] ?? ''}`).join(', ');
}
