/**
 * Names of the form's hidden fields, shared by the form (client) and the
 * server. Client-safe. The honeypot's name is deliberately meaningless: a
 * browser's autofill guesses what to put in a field from its name and label,
 * so a field called "website" or labelled "leave empty" can be filled for a
 * real person, who would then be taken for a bot.
 */
export const HONEYPOT_FIELD = "q7x2";
export const FORM_TOKEN_FIELD = "formToken";
/**
 * Filled by the enquiry form's script when it sends: `js:<input events it saw>`. Absent from a post made without the
 * page's script (no JavaScript, or a plain HTTP client). One signal of the held review (held-rank.ts), never a gate.
 */
export const FORM_SCRIPT_FIELD = "formScript";
