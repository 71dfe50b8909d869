import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useExpiryApi, type ArchivedItem, type Pagination, type RestoredItem } from '../api/expiry';
import { serverMessage } from '@buurtplein/plugin-kit/admin';
import { getTranslation, typeName } from '../pluginId';

const PAGE_SIZE = 10;

type ListState = { status: 'loading' } | { status: 'error' } | { status: 'done'; items: ArchivedItem[]; pagination: Pagination };

interface Restored {
  uid: string;
  title: string;
  items: RestoredItem[];
}

/** What one restore brought back: the item asked for, then what had been archived because of it. */
function RestoredSummary({ restored }: { restored: Restored }) {
  const { formatMessage } = useIntl();
  const [first, ...along] = restored.items;
  // The response names items by documentId only; the one asked for has its title on screen.
  const line = (item: RestoredItem, name: string) =>
    formatMessage(
      item.republished
        ? { id: getTranslation('archived.restored.republished'), defaultMessage: '{name}: published again' }
        : { id: getTranslation('archived.restored.draft'), defaultMessage: '{name}: back as a draft (it was not published)' },
      { name }
    );
  const nameOf = (item: RestoredItem) => `${item.documentId} (${formatMessage(typeName(item.uid))})`;

  return (
    <Box background="success100" borderColor="success200" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography fontWeight="bold">
          {formatMessage({ id: getTranslation('archived.restored.title'), defaultMessage: 'Restored: {title}' }, { title: restored.title })}
        </Typography>
        {first && <Typography>{line(first, restored.title)}</Typography>}
        {along.length > 0 && (
          <>
            <Typography>
              {formatMessage(
                { id: getTranslation('archived.restored.along'), defaultMessage: 'Archived along with it, and restored too ({count}):' },
                { count: along.length }
              )}
            </Typography>
            <Box tag="ul" paddingLeft={5} style={{ listStyle: 'disc' }}>
              {along.map((item) => (
                <li key={`${item.uid}:${item.documentId}`}>
                  <Typography>{line(item, nameOf(item))}</Typography>
                </li>
              ))}
            </Box>
          </>
        )}
      </Flex>
    </Box>
  );
}

/**
 * Archived items of one managed content type, newest first, a page at a
 * time, each with a Restore button. `refreshKey` reloads the list (the page
 * bumps it after a run that archived things).
 */
export function ArchivedList({ types, refreshKey }: { types: string[]; refreshKey: number }) {
  const { formatMessage, formatDate } = useIntl();
  const api = useExpiryApi();
  const [uid, setUid] = React.useState(types[0]);
  const [page, setPage] = React.useState(1);
  const [reloads, setReloads] = React.useState(0);
  const [list, setList] = React.useState<ListState>({ status: 'loading' });
  const [restoring, setRestoring] = React.useState<string | null>(null);
  const [restored, setRestored] = React.useState<Restored | null>(null);
  const [message, setMessage] = React.useState<{ text: string; error: boolean } | null>(null);

  React.useEffect(() => {
    let current = true;
    setList((previous) => (previous.status === 'done' ? previous : { status: 'loading' }));
    api
      .archived(uid, page, PAGE_SIZE)
      .then(({ items, pagination }) => {
        if (!current) return;
        // The last item of a page was restored: show the page before it.
        if (!items.length && page > 1) setPage(Math.max(1, Math.ceil(pagination.total / PAGE_SIZE)));
        else setList({ status: 'done', items, pagination });
      })
      .catch(() => current && setList({ status: 'error' }));
    return () => {
      current = false;
    };
  }, [api, uid, page, refreshKey, reloads]);

  const chooseType = (value: string | number) => {
    setUid(String(value));
    setPage(1);
    setList({ status: 'loading' });
    setRestored(null);
    setMessage(null);
  };

  const restore = async (item: ArchivedItem) => {
    setRestoring(item.documentId);
    setRestored(null);
    setMessage({ text: formatMessage({ id: getTranslation('archived.restoring'), defaultMessage: 'Restoring {title}…' }, { title: item.title }), error: false });
    try {
      const items = await api.restore(uid, item.documentId);
      setRestored({ uid, title: item.title, items });
      setMessage({
        text: formatMessage(
          { id: getTranslation('archived.restored.status'), defaultMessage: '{title} restored, {count, plural, =0 {nothing else} one {# item} other {# items}} along with it.' },
          { title: item.title, count: items.length - 1 }
        ),
        error: false,
      });
      setReloads((n) => n + 1);
    } catch (error) {
      setMessage({
        text: formatMessage(
          { id: getTranslation('archived.restoreFailed'), defaultMessage: '{title} could not be restored: {reason}' },
          { title: item.title, reason: serverMessage(error) ?? formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'unknown error' }) }
        ),
        error: true,
      });
    } finally {
      setRestoring(null);
    }
  };

  const pages = list.status === 'done' ? Math.max(1, Math.ceil(list.pagination.total / PAGE_SIZE)) : 1;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box minWidth="28rem">
          <Field.Root name="content-expiry-type" id="content-expiry-type">
            <Field.Label>{formatMessage({ id: getTranslation('archived.typeLabel'), defaultMessage: 'Content type' })}</Field.Label>
            <SingleSelect value={uid} onChange={chooseType}>
              {types.map((type) => (
                <SingleSelectOption key={type} value={type}>
                  {formatMessage(typeName(type))}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Button variant="tertiary" startIcon={<ArrowClockwise />} onClick={() => setReloads((n) => n + 1)}>
          {formatMessage({ id: getTranslation('archived.reload'), defaultMessage: 'Reload list' })}
        </Button>
      </Flex>

      <Box role="status" aria-live="polite">
        {message && <Typography textColor={message.error ? 'danger600' : 'neutral800'}>{message.text}</Typography>}
      </Box>
      {restored && <RestoredSummary restored={restored} />}

      {list.status === 'loading' && (
        <Loader small>{formatMessage({ id: getTranslation('archived.loading'), defaultMessage: 'Loading archived items…' })}</Loader>
      )}
      {list.status === 'error' && (
        <Typography textColor="danger600">
          {formatMessage({ id: getTranslation('archived.error'), defaultMessage: 'The archived items could not be loaded.' })}
        </Typography>
      )}
      {list.status === 'done' && !list.items.length && (
        <Typography>
          {formatMessage({ id: getTranslation('archived.empty'), defaultMessage: 'No archived {type}.' }, { type: formatMessage(typeName(uid)).toLowerCase() })}
        </Typography>
      )}
      {list.status === 'done' && list.items.length > 0 && (
        <>
          <Table colCount={5} rowCount={list.items.length + 1}>
            <Thead>
              <Tr>
                <Th role="columnheader" textAlign="left">
                  <Typography variant="sigma">{formatMessage({ id: getTranslation('archived.column.title'), defaultMessage: 'Title' })}</Typography>
                </Th>
                <Th role="columnheader" textAlign="left">
                  <Typography variant="sigma">{formatMessage({ id: getTranslation('archived.column.documentId'), defaultMessage: 'Document ID' })}</Typography>
                </Th>
                <Th role="columnheader" textAlign="left">
                  <Typography variant="sigma">{formatMessage({ id: getTranslation('archived.column.archivedAt'), defaultMessage: 'Archived on' })}</Typography>
                </Th>
                <Th role="columnheader" textAlign="left">
                  <Typography variant="sigma">{formatMessage({ id: getTranslation('archived.column.locale'), defaultMessage: 'Language' })}</Typography>
                </Th>
                <Th role="columnheader" textAlign="left">
                  <VisuallyHidden>{formatMessage({ id: getTranslation('archived.column.actions'), defaultMessage: 'Actions' })}</VisuallyHidden>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {list.items.map((item) => (
                <Tr key={item.documentId}>
                  <Td>
                    <Typography fontWeight="semiBold">{item.title}</Typography>
                  </Td>
                  <Td>
                    <Typography variant="pi" textColor="neutral600">
                      {item.documentId}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{formatDate(item.archivedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
                  </Td>
                  <Td>
                    <Typography>{item.locale ?? '—'}</Typography>
                  </Td>
                  <Td>
                    <Button
                      variant="secondary"
                      size="S"
                      loading={restoring === item.documentId}
                      disabled={restoring !== null}
                      onClick={() => restore(item)}
                      aria-label={formatMessage({ id: getTranslation('archived.restoreLabel'), defaultMessage: 'Restore {title}' }, { title: item.title })}
                    >
                      {formatMessage({ id: getTranslation('archived.restore'), defaultMessage: 'Restore' })}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Flex justifyContent="space-between" alignItems="center" gap={2} tag="nav" aria-label={formatMessage({ id: getTranslation('archived.pagination'), defaultMessage: 'Pages of archived items' })}>
            <Typography textColor="neutral600">
              {formatMessage(
                { id: getTranslation('archived.pageOf'), defaultMessage: 'Page {page} of {pages} ({total} archived)' },
                { page: list.pagination.page, pages, total: list.pagination.total }
              )}
            </Typography>
            <Flex gap={2}>
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage((p) => Math.max(1, p - 1))}>
                {formatMessage({ id: getTranslation('archived.previous'), defaultMessage: 'Previous page' })}
              </Button>
              <Button variant="tertiary" disabled={page >= pages} onClick={() => setPage((p) => Math.min(pages, p + 1))}>
                {formatMessage({ id: getTranslation('archived.next'), defaultMessage: 'Next page' })}
              </Button>
            </Flex>
          </Flex>
        </>
      )}
    </Flex>
  );
}
