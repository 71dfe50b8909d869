import * as React from 'react';
import { useIntl } from 'react-intl';

/**
 * What a staff page shows, loaded when it opens and again after a change:
 * `data` is null until the first answer, `failed` when the last load did
 * not work (the page says so instead of showing stale rows as current).
 */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = React.useState<T | null>(null);
  const [failed, setFailed] = React.useState(false);
  const reload = React.useCallback(async () => {
    try {
      setData(await load());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [load]);
  React.useEffect(() => {
    reload();
  }, [reload]);
  return { data, failed, reload };
}

/** A name a plugin gives in both languages (a kind of mail, a moderated type), in the admin's language; English for any other. */
export const inAdminLanguage = (names: { nl: string; en: string }, locale: string) => (locale.startsWith('nl') ? names.nl : names.en);

/** A plugin's own messages: `t('queue.title', 'Reported')` reads `<pluginId>.queue.title`, English when untranslated. */
export function usePluginMessages(pluginId: string) {
  const { formatMessage } = useIntl();
  return React.useCallback(
    (key: string, defaultMessage: string, values?: Record<string, string | number>) => formatMessage({ id: `${pluginId}.${key}`, defaultMessage }, values),
    [formatMessage, pluginId]
  );
}
