const formatter = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** `2025-05-02` -> `2 May 2025` (dates are calendar days, so format them in UTC). */
export function formatDate(day: string): string {
  return formatter.format(new Date(`${day}T00:00:00Z`));
}
