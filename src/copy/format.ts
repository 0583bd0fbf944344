/** Numbers and dates as a locale writes them (page x of y, session number, session date). */

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale, { useGrouping: false }).format(value);
}

/** An ISO calendar date (YYYY-MM-DD) as the locale writes it: "Nov 26, 2026", "26 nov 2026". */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
