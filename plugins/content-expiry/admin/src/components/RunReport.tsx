import * as React from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ListedItem, RunReport as RunReportData, TypeReport } from '../api/expiry';
import { getTranslation, typeName } from '../pluginId';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

/** Formats a run's duration: "850 ms", "12.4 s". */
export function useFormatDuration() {
  const { formatNumber } = useIntl();
  return (ms: number) =>
    ms < 1000
      ? formatNumber(ms, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' })
      : formatNumber(ms / 1000, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 });
}

function CountsTable({ types, dryRun }: { types: Record<string, TypeReport>; dryRun: boolean }) {
  const { formatMessage } = useIntl();
  const entries = Object.entries(types);
  const cascadedText = (cascaded: Record<string, number>) => {
    const parts = Object.entries(cascaded).map(([uid, n]) => `${formatMessage(typeName(uid))}: ${n}`);
    return parts.length ? parts.join(', ') : '0';
  };

  return (
    <Table colCount={5} rowCount={entries.length + 1}>
      <Thead>
        <Tr>
          <Th role="columnheader" textAlign="left">
            <Typography variant="sigma">{formatMessage({ id: getTranslation('report.column.type'), defaultMessage: 'Content type' })}</Typography>
          </Th>
          <Th role="columnheader" textAlign="left">
            <Typography variant="sigma">
              {dryRun
                ? formatMessage({ id: getTranslation('report.column.wouldArchive'), defaultMessage: 'Would be archived' })
                : formatMessage({ id: getTranslation('report.column.archived'), defaultMessage: 'Archived' })}
            </Typography>
          </Th>
          <Th role="columnheader" textAlign="left">
            <Typography variant="sigma">
              {dryRun
                ? formatMessage({ id: getTranslation('report.column.wouldCascade'), defaultMessage: 'Would go along' })
                : formatMessage({ id: getTranslation('report.column.cascaded'), defaultMessage: 'Archived along' })}
            </Typography>
          </Th>
          <Th role="columnheader" textAlign="left">
            <Typography variant="sigma">
              {dryRun
                ? formatMessage({ id: getTranslation('report.column.wouldDelete'), defaultMessage: 'Would be deleted for good' })
                : formatMessage({ id: getTranslation('report.column.deleted'), defaultMessage: 'Deleted for good' })}
            </Typography>
          </Th>
          <Th role="columnheader" textAlign="left">
            <Typography variant="sigma">{formatMessage({ id: getTranslation('report.column.warned'), defaultMessage: 'Owners warned' })}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {entries.map(([uid, report]) => (
          <Tr key={uid}>
            <Th role="rowheader" textAlign="left">
              <Typography fontWeight="semiBold" textColor="neutral800">
                {formatMessage(typeName(uid))}
              </Typography>
            </Th>
            <Td>
              <Typography>{report.archived}</Typography>
            </Td>
            <Td>
              <Typography>{cascadedText(report.cascaded)}</Typography>
            </Td>
            <Td>
              <Typography>{report.deleted}</Typography>
            </Td>
            <Td>
              {/* A dry run sends no mail: a 0 there would suggest nobody is due a warning. */}
              <Typography>{dryRun ? '—' : report.warned}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function ListedItems({ heading, items, count }: { heading: string; items: ListedItem[]; count: number }) {
  const { formatMessage } = useIntl();
  const headingId = React.useId();
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography id={headingId} tag="h4" variant="omega" fontWeight="bold">
        {heading}
      </Typography>
      {/* Up to 200 names: a scrolling region keeps the rest of the page in reach; focusable so keyboards can scroll it. */}
      <Box role="region" aria-labelledby={headingId} tabIndex={0} maxHeight="32rem" overflow="auto" hasRadius borderColor="neutral200" paddingTop={2} paddingBottom={2}>
        <Box tag="ul" paddingLeft={7} margin={0} style={{ listStyle: 'disc' }}>
          {items.map((item) => (
            <li key={item.documentId}>
              <Typography>{item.title}</Typography>{' '}
              <Typography variant="pi" textColor="neutral600">
                ({item.documentId})
              </Typography>
            </li>
          ))}
        </Box>
      </Box>
      {count > items.length && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('report.listed.partial'), defaultMessage: 'The first {shown} of {count} are listed.' },
            { shown: items.length, count }
          )}
        </Typography>
      )}
    </Flex>
  );
}

/** What a dry run would archive and delete, by name, per content type. */
function DryRunItems({ types }: { types: Record<string, TypeReport> }) {
  const { formatMessage } = useIntl();
  const lists = Object.entries(types).flatMap(([uid, report]) => {
    const type = formatMessage(typeName(uid));
    return [
      report.wouldArchive?.length
        ? {
            key: `${uid}:archive`,
            items: report.wouldArchive,
            count: report.archived,
            heading: formatMessage(
              { id: getTranslation('report.listed.wouldArchive'), defaultMessage: '{type}: would be archived ({count})' },
              { type, count: report.archived }
            ),
          }
        : null,
      report.wouldDelete?.length
        ? {
            key: `${uid}:delete`,
            items: report.wouldDelete,
            count: report.deleted,
            heading: formatMessage(
              { id: getTranslation('report.listed.wouldDelete'), defaultMessage: '{type}: would be deleted for good ({count})' },
              { type, count: report.deleted }
            ),
          }
        : null,
    ].filter((list) => list !== null);
  });

  if (!lists.length) {
    return <Typography>{formatMessage({ id: getTranslation('report.nothing'), defaultMessage: 'Nothing would be archived or deleted.' })}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {lists.map((list) => (
        <ListedItems key={list.key} heading={list.heading} items={list.items} count={list.count} />
      ))}
    </Flex>
  );
}

/** The report of the run just done: counts per content type, errors, and for a dry run the items by name. */
export function RunReport({ report }: { report: RunReportData }) {
  const { formatMessage } = useIntl();
  const formatDuration = useFormatDuration();
  const totalArchived = Object.values(report.types).reduce((total, t) => total + t.archived + sum(t.cascaded), 0);

  const summary =
    report.status === 'skipped'
      ? formatMessage({ id: getTranslation('report.skipped'), defaultMessage: 'Skipped: another run is busy with this time slot.' })
      : formatMessage(
          report.dryRun
            ? { id: getTranslation('report.summary.dryRun'), defaultMessage: 'Dry run finished in {duration}: {count, plural, one {# item} other {# items}} would be archived. Nothing was changed.' }
            : { id: getTranslation('report.summary.run'), defaultMessage: 'Run finished in {duration}: {count, plural, one {# item} other {# items}} archived.' },
          { duration: formatDuration(report.durationMs), count: totalArchived }
        );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h3" variant="delta">
        {report.dryRun
          ? formatMessage({ id: getTranslation('report.title.dryRun'), defaultMessage: 'Dry run report' })
          : formatMessage({ id: getTranslation('report.title.run'), defaultMessage: 'Run report' })}
      </Typography>
      <Typography>{summary}</Typography>
      {Object.keys(report.types).length > 0 && <CountsTable types={report.types} dryRun={report.dryRun} />}
      {report.errors.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography tag="h4" variant="omega" fontWeight="bold" textColor="danger600">
            {formatMessage({ id: getTranslation('report.errors'), defaultMessage: 'Errors' })}
          </Typography>
          <Box tag="ul" paddingLeft={5} style={{ listStyle: 'disc' }}>
            {report.errors.map((error) => (
              <li key={error.uid}>
                <Typography textColor="danger600">
                  {formatMessage(typeName(error.uid))}: {error.message}
                </Typography>
              </li>
            ))}
          </Box>
        </Flex>
      )}
      {report.dryRun && report.status !== 'skipped' && <DryRunItems types={report.types} />}
    </Flex>
  );
}
