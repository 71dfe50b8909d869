import * as React from 'react';
import { Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** How a run ended, in the design system's colours: red for what needs a look. */
const RUN_STATUS_COLOR: Record<string, string> = {
  running: 'primary600',
  succeeded: 'success600',
  failed: 'danger600',
  interrupted: 'danger600',
  skipped: 'neutral600',
};

export interface Column {
  key: string;
  defaultMessage: string;
}

/** A table's head row; the labels are the plugin's translations `<pluginId>.<prefix>.<key>`. */
export function TableHead({ pluginId, prefix, columns }: { pluginId: string; prefix: string; columns: Column[] }) {
  const { formatMessage } = useIntl();
  return (
    <Thead>
      <Tr>
        {columns.map((column) => (
          <Th key={column.key} role="columnheader" textAlign="left">
            <Typography variant="sigma">{formatMessage({ id: `${pluginId}.${prefix}.${column.key}`, defaultMessage: column.defaultMessage })}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
  );
}

/** The first cells of a run log row: when it started, and who started it (`<pluginId>.runs.trigger.<trigger>`). */
export function RunStartCells({ pluginId, startedAt, trigger }: { pluginId: string; startedAt: string; trigger: string }) {
  const { formatMessage, formatDate } = useIntl();
  return (
    <>
      <Td>
        <Typography>{formatDate(startedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
      </Td>
      <Td>
        <Typography>{formatMessage({ id: `${pluginId}.runs.trigger.${trigger}`, defaultMessage: trigger })}</Typography>
      </Td>
    </>
  );
}

/** How a run ended, in words (`<pluginId>.runs.status.<status>`) and colour. */
export function RunStatusCell({ pluginId, status }: { pluginId: string; status: string }) {
  const { formatMessage } = useIntl();
  return (
    <Td>
      <Typography fontWeight="semiBold" textColor={RUN_STATUS_COLOR[status] ?? 'neutral800'}>
        {formatMessage({ id: `${pluginId}.runs.status.${status}`, defaultMessage: status })}
      </Typography>
    </Td>
  );
}
