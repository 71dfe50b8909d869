import * as React from 'react';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Point } from './data';

/**
 * Colours told apart with the common kinds of colour blindness (after
 * Okabe and Ito), each at least 3:1 against white; within a chart the series
 * also differ in shape (bars against a line with dots), and the legend names them.
 */
const COLOURS = ['#0072B2', '#C14D00', '#007A5A', '#7B3294'];

export interface Series {
  key: Exclude<keyof Point, 'start'>;
  name: string;
  shape: 'bar' | 'line';
}

export type Row = Point & { label: string };

/**
 * Figures per period as bars and lines, with a title and description inside
 * the SVG for screen readers, and keyboard focus moving from period to period
 * (Recharts' accessibility layer). The same figures are in a table next to it.
 */
export function PeriodChart({ title, description, rows, series, locale }: { title: string; description: string; rows: Row[]; series: Series[]; locale: string }) {
  const number = new Intl.NumberFormat(locale);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={rows} title={title} desc={description} aria-label={title} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" minTickGap={16} />
        <YAxis allowDecimals={false} tickFormatter={(value: number) => number.format(value)} />
        <Tooltip formatter={(value) => number.format(Number(value))} />
        <Legend />
        {series.map(({ key, name, shape }, i) =>
          shape === 'bar' ? (
            <Bar key={key} dataKey={key} name={name} fill={COLOURS[i]} isAnimationActive={false} />
          ) : (
            <Line key={key} dataKey={key} name={name} stroke={COLOURS[i]} strokeWidth={2} dot={{ r: 3 }} type="monotone" isAnimationActive={false} />
          )
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}

/** A small bar chart for the home page widget: a picture only, named by `label`, whose figures the widget also says in words. */
export function SparkBars({ rows, dataKey, label }: { rows: Row[]; dataKey: Series['key']; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={60}>
      <BarChart data={rows} role="img" aria-label={label} accessibilityLayer={false} margin={{ top: 2, right: 0, bottom: 0, left: 0 }}>
        <Bar dataKey={dataKey} fill={COLOURS[0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A period's name in the staff member's language: "3 dec.", "week van 30 nov.", "dec. 2026". */
export function periodLabel(start: string, interval: 'day' | 'week' | 'month', locale: string, weekOf: (day: string) => string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (interval === 'month') return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  return interval === 'week' ? weekOf(day) : day;
}
