import { Typography } from '@strapi/design-system';
import type { ListFieldLayout } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

/** A choice in words (the admin panel's translation of its value, src/lib/admin-fields.ts). */
function ChoiceCell({ value }: { value: unknown }) {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string' || !value) return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{formatMessage({ id: value, defaultMessage: value })}</Typography>;
}

/**
 * The list view shows an enumeration's stored value ("approved"); the edit
 * view translates it. This column hook makes the list say it in words too.
 */
export function translateChoiceColumns({ displayedHeaders, layout }: { displayedHeaders: ListFieldLayout[]; layout: unknown }) {
  return {
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' ? { ...header, cellFormatter: (row: Record<string, unknown>) => <ChoiceCell value={row[header.name]} /> } : header
    ),
  };
}
