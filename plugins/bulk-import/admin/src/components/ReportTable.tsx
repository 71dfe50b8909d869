import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { ImportReport, RowStatus } from '../api/imports';
import { getTranslation } from '../pluginId';

const STATUS_LABEL: Record<RowStatus, string> = { created: 'Created', updated: 'Updated', unchanged: 'Unchanged', rejected: 'Rejected' };

/** Totals, then one line per row that needs attention (rejected) or changed; unchanged rows only count. */
export function ReportTable({ report }: { report: ImportReport }) {
  const { formatMessage } = useIntl();
  const status = (s: RowStatus) => formatMessage({ id: getTranslation(`status.${s}`), defaultMessage: STATUS_LABEL[s] });
  const rows = report.rows.filter((r) => r.status !== 'unchanged');
  const header = (key: string, text: string) => (
    <Th>
      <Typography variant="sigma">{formatMessage({ id: getTranslation(`report.${key}`), defaultMessage: text })}</Typography>
    </Th>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={2} wrap="wrap">
        {(Object.keys(STATUS_LABEL) as RowStatus[]).map((s) => (
          <Badge key={s} active={s === 'rejected' && report.totals.rejected > 0}>
            {`${status(s)}: ${report.totals[s]}`}
          </Badge>
        ))}
      </Flex>
      {report.warnings.map((w) => (
        <Typography key={w} textColor="warning600">
          {w}
        </Typography>
      ))}
      {rows.length > 0 && (
        <Box overflow="auto">
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {header('line', 'Line')}
                {header('externalId', 'externalId')}
                {header('status', 'Result')}
                {header('field', 'Field')}
                {header('reason', 'Reason')}
              </Tr>
            </Thead>
            <Tbody>
              {rows.flatMap((row) =>
                (row.problems?.length ? row.problems : [null]).map((problem, i) => (
                  <Tr key={`${row.line}-${i}`}>
                    <Td>
                      <Typography>{row.line}</Typography>
                    </Td>
                    <Td>
                      <Typography>{row.externalId ?? '–'}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor={row.status === 'rejected' ? 'danger600' : 'neutral800'}>{status(row.status)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{problem?.field ?? ''}</Typography>
                    </Td>
                    <Td>
                      <Typography>{problem?.reason ?? ''}</Typography>
                    </Td>
                  </Tr>
                ))
              )}
            </Tbody>
          </Table>
        </Box>
      )}
    </Flex>
  );
}
