import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { PluginPage, serverMessage } from '@buurtplein/plugin-kit/admin';
import { useImportApi, type ImportReport } from '../api/imports';
import { ReportTable } from '../components/ReportTable';
import { getTranslation } from '../pluginId';

const AUTO = 'auto';

/** Staff pick a CSV or JSON file, choose type, dry run and all-or-nothing, and read the report per row. */
const ImportPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: getTranslation(key), defaultMessage }, values);
  const api = useImportApi();
  const [types, setTypes] = React.useState<string[]>([]);
  const [file, setFile] = React.useState<File | null>(null);
  const [type, setType] = React.useState(AUTO);
  const [dryRun, setDryRun] = React.useState(true);
  const [allOrNothing, setAllOrNothing] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [report, setReport] = React.useState<ImportReport | null>(null);
  const [status, setStatus] = React.useState<{ text: string; error: boolean } | null>(null);

  React.useEffect(() => {
    api.types().then(setTypes, () => setTypes([]));
  }, [api]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setReport(null);
    setStatus({ text: t('status.busy', 'Importing…'), error: false });
    try {
      const result = await api.upload({ file, type: type === AUTO ? '' : type, dryRun, allOrNothing });
      setReport(result);
      const { created, updated, unchanged, rejected } = result.totals;
      const summary = t('status.summary', '{created} created, {updated} updated, {unchanged} unchanged, {rejected} rejected', { created, updated, unchanged, rejected });
      const prefix = result.dryRun
        ? t('status.dryRun', 'Dry run, nothing written:')
        : result.written
          ? t('status.done', 'Done:')
          : t('status.nothingWritten', 'Nothing written (all-or-nothing):');
      setStatus({ text: `${prefix} ${summary}`, error: !result.written && !result.dryRun });
    } catch (error) {
      setStatus({ text: serverMessage(error) ?? t('error.unknown', 'unknown error'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PluginPage
      title={t('page.title', 'Bulk import')}
      subtitle={t('page.subtitle', 'Import organisations or activities from a CSV or JSON file. Rows are matched by externalId.')}
    >
      <Box tag="form" onSubmit={submit} background="neutral0" hasRadius shadow="tableShadow" padding={7}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="file" id="bulk-import-file" required>
            <Field.Label>{t('form.file', 'File (CSV or JSON)')}</Field.Label>
            <input id="bulk-import-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field.Root>
          <Field.Root name="type">
            <Field.Label>{t('form.type', 'Type')}</Field.Label>
            <SingleSelect value={type} onChange={(value: string | number) => setType(String(value))}>
              <SingleSelectOption value={AUTO}>{t('form.type.auto', 'From the columns of the file')}</SingleSelectOption>
              {types.map((name) => (
                <SingleSelectOption key={name} value={name}>
                  {t(`type.${name}`, name)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Checkbox checked={dryRun} onCheckedChange={(checked: boolean | 'indeterminate') => setDryRun(checked === true)}>
            {t('form.dryRun', 'Dry run: check and report, write nothing')}
          </Checkbox>
          <Checkbox checked={allOrNothing} onCheckedChange={(checked: boolean | 'indeterminate') => setAllOrNothing(checked === true)}>
            {t('form.allOrNothing', 'All or nothing: write nothing when one row is rejected')}
          </Checkbox>
          <Box>
            <Button type="submit" startIcon={<Upload />} loading={busy} disabled={!file || busy}>
              {t('form.submit', 'Import')}
            </Button>
          </Box>
          <div role="status" aria-live="polite">
            {status && <Typography textColor={status.error ? 'danger600' : 'neutral800'}>{status.text}</Typography>}
          </div>
        </Flex>
      </Box>
      {report && (
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={7}>
          <ReportTable report={report} />
        </Box>
      )}
    </PluginPage>
  );
};

export default ImportPage;
