import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The organization's time zone, for instants (dates without time have none). */
export const TimeZoneContext = createContext('Europe/Moscow');

const locales = { ru: 'ru-RU', en: 'en-GB' } as const;

/** 'YYYY-MM-DD' as a Date at UTC midnight, formatted at UTC so the day never shifts. */
const utcDay = (value: string): Date => new Date(`${value}T00:00:00Z`);

/** Integer kopecks of a Money string ("-48123.07"), exact. */
export function kopecks(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`Not a money amount: ${value}`);
  const whole = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -whole : whole;
}

/** A Money string from integer kopecks. */
export function fromKopecks(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Today in the organization's time zone, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
}

/** Formatters for the current language and the organization's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const timeZone = useContext(TimeZoneContext);
  const locale = locales[i18n.language === 'en' ? 'en' : 'ru'];
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const dateLong = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const dateTime = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    const monthYear = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const monthShort = new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    const money = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
    });
    const moneyCompact = new Intl.NumberFormat(locale, {
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const number = new Intl.NumberFormat(locale);
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const asNumber = (value: string) => Number(value);
    return {
      locale,
      /** A LocalDate as 28.11.2026 / 28/11/2026. */
      date: (value: string | null | undefined) => (value ? date.format(utcDay(value)) : '—'),
      /** A LocalDate as 28 ноября 2026 г. / 28 November 2026. */
      dateLong: (value: string | null | undefined) =>
        value ? dateLong.format(utcDay(value)) : '—',
      /** A DateTime in the organization's time zone. */
      dateTime: (value: string) => dateTime.format(new Date(value)),
      /** A period: "октябрь 2026 г." / "October 2026". */
      monthYear: (year: number, month: number) =>
        monthYear.format(new Date(Date.UTC(year, month - 1, 1))),
      monthShort: (value: string) => monthShort.format(utcDay(value)),
      /** Money (a decimal string) in roubles and kopecks. */
      money: (value: string | null | undefined) => (value ? money.format(asNumber(value)) : '—'),
      moneyCompact: (value: number) => moneyCompact.format(value),
      number: (value: number) => number.format(value),
      /** A Decimal string to at most two places ("95,5"); a dash when there is none. */
      decimal: (value: string | null | undefined) =>
        value === null || value === undefined || value === '' ? '—' : decimal.format(Number(value)),
    };
  }, [locale, timeZone]);
}

export type Formatters = ReturnType<typeof useFormat>;
