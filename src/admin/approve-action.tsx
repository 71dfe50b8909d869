import * as React from 'react';
import { useFetchClient, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { buildValidParams, unstable_useDocument as useDocument, type DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

const ORG = 'api::organisation.organisation';

const TEXTS = {
  nl: {
    label: 'Goedkeuren',
    title: 'Organisatie goedkeuren',
    content:
      'De organisatie komt op de kaart en haar redacteuren krijgen een mail dat ze zijn goedgekeurd. Activiteiten die nog concept zijn, blijven concept: de organisatie maakt ze zelf openbaar.',
    confirm: 'Goedkeuren',
    done: (name: string, drafts: number) =>
      `${name} is goedgekeurd en staat op de kaart.${drafts ? ` ${drafts} activiteit${drafts === 1 ? '' : 'en'} blijft concept tot de organisatie die openbaar maakt.` : ''}`,
    failed: 'Goedkeuren is niet gelukt',
  },
  en: {
    label: 'Approve',
    title: 'Approve organisation',
    content:
      'The organisation goes on the map and its editors get a mail saying it was approved. Activities that are still drafts stay drafts: the organisation publishes them itself.',
    confirm: 'Approve',
    done: (name: string, drafts: number) =>
      `${name} is approved and on the map.${drafts ? ` ${drafts} ${drafts === 1 ? 'activity stays a draft' : 'activities stay drafts'} until the organisation publishes ${drafts === 1 ? 'it' : 'them'}.` : ''}`,
    failed: 'Approving did not work',
  },
};

/**
 * "Approve" in the edit view of an organisation that waits for approval: one
 * step that says what happens to its draft activities, instead of Publish and
 * Strapi's "publish without relations" warning.
 */
export const ApproveAction: DocumentActionComponent = ({ model, document, documentId, collectionType }) => {
  const { locale } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  // The edit view's own query (same arguments), so a refetch shows the new status at once.
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  const { refetch } = useDocument({ collectionType, model, documentId, params }, { skip: model !== ORG || !documentId });
  if (model !== ORG || !documentId || document?.approvalStatus !== 'pending') return null;
  const text = locale.startsWith('nl') ? TEXTS.nl : TEXTS.en;
  return {
    label: text.label,
    variant: 'success',
    position: ['panel', 'header'],
    dialog: {
      type: 'dialog',
      title: text.title,
      content: text.content,
      confirmLabel: text.confirm,
      onConfirm: async () => {
        try {
          const { data } = await post<{ data: { name: string; draftActivities: number } }>(`/buurtplein/organisations/${documentId}/approve`);
          toggleNotification({ type: 'success', message: text.done(data.data.name, data.data.draftActivities) });
          refetch();
        } catch {
          toggleNotification({ type: 'danger', message: text.failed });
        }
      },
    },
  };
};
