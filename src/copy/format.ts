/** Numbers and dates as a locale writes them (page x of y, session number, session date). */

/** One formatter per locale: they are costly to make, and every footer formats its page numbers. */
function perLocale<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}

const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale, { useGrouping: false }));
const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));

export function formatNumber(locale: string, value: number): string {
  return numberFormat(locale).format(value);
}

/** An ISO calendar date (YYYY-MM-DD) as the locale writes it: "Nov 26, 2026", "26 nov 2026". */
export function formatDate(isoDate: string, locale: string): string {
  return dateFormat(locale).format(new Date(`${isoDate}T00:00:00Z`));
}
