/**
 * A moment as an <input type="datetime-local"> shows it: the browser's own
 * time zone, to the minute. Imported by the reference website and the admin
 * panel, so nothing here may need Node.
 */
export function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
