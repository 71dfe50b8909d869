import * as React from 'react';
import { Flex, Loader, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useEnrolmentApi, type Enrolee, type EnrolmentSettings } from './api';
import { EnroleeList } from './enrolee-list';
import { SettingsForm } from './settings-form';
import { TEXTS, type Texts } from './texts';

const ACTIVITY = 'api::activity.activity';

type State = { status: 'loading' } | { status: 'error' } | { status: 'done'; enrolees: Enrolee[]; settings: EnrolmentSettings | null };

/** The list and settings; a reload after a change keeps what is shown until the new answer is in. */
function useEnrolment(documentId: string) {
  const api = useEnrolmentApi(documentId);
  const [state, setState] = React.useState<State>({ status: 'loading' });
  const load = React.useCallback(async () => {
    try {
      const { data, meta } = await api.list();
      setState({ status: 'done', enrolees: data, settings: meta.settings });
    } catch {
      setState({ status: 'error' });
    }
  }, [api]);
  React.useEffect(() => {
    void load();
  }, [load]);
  return { state, reload: load };
}

function StaffView({ documentId, title, recurring, text }: { documentId: string; title: string; recurring: boolean; text: Texts }) {
  const { formatDate } = useIntl();
  const { state, reload } = useEnrolment(documentId);
  const dateText = React.useCallback((iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }), [formatDate]);
  if (state.status === 'loading') return <Loader small>{text.loading}</Loader>;
  if (state.status === 'error') {
    return (
      <Typography variant="omega" textColor="danger600">
        {text.loadFailed}
      </Typography>
    );
  }
  const confirmed = state.enrolees.filter((e) => e.status === 'confirmed').length;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%">
      <Typography variant="omega" fontWeight="semiBold" role="status">
        {text.counts(confirmed, state.enrolees.length - confirmed)}
      </Typography>
      <EnroleeList
        documentId={documentId}
        title={title}
        enrolees={state.enrolees}
        questions={state.settings?.questions ?? []}
        text={text}
        formatDate={dateText}
        onChanged={reload}
      />
      <SettingsForm documentId={documentId} settings={state.settings} recurring={recurring} text={text} formatDate={dateText} onSaved={reload} />
    </Flex>
  );
}

/**
 * Edit-view side panel of activities: the same enrolment settings, list,
 * attendance, CSV and message an organisation has under Mijn vermelding.
 * Hidden while an activity is still being created (it has no enrolment yet).
 */
export const EnrolmentPanel: PanelComponent = ({ model, documentId, document }) => {
  const { locale } = useIntl();
  if (model !== ACTIVITY || !documentId) return null;
  const text = locale.startsWith('nl') ? TEXTS.nl : TEXTS.en;
  return {
    title: text.title,
    content: <StaffView documentId={documentId} title={String(document?.title ?? '')} recurring={Boolean(document?.recurrence)} text={text} />,
  };
};
