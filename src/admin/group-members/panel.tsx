import * as React from 'react';
import { Box, Button, Field, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import type { Member } from '../../api/group/services/membership';
import { refusal } from '../refusal';

const GROUP = 'api::group.group';

interface Texts {
  title: string;
  loading: string;
  loadFailed: string;
  none: string;
  role: Record<Member['role'], string>;
  status: Record<Member['status'], string>;
  accept: string;
  makeAdmin: string;
  makeMember: string;
  remove: (status: string) => string;
  invite: string;
  inviteEmail: string;
  invited: string;
  failed: string;
  lastAdmin: string;
}

const TEXTS: Record<'nl' | 'en', Texts> = {
  nl: {
    title: 'Leden',
    loading: 'Leden laden…',
    loadFailed: 'De leden konden niet worden geladen.',
    none: 'Nog geen leden.',
    role: { admin: 'beheerder', member: 'lid' },
    status: { active: '', requested: 'vraagt om lid te worden', invited: 'uitgenodigd' },
    accept: 'Toelaten',
    makeAdmin: 'Beheerder maken',
    makeMember: 'Gewoon lid maken',
    remove: (status: string) => (status === 'requested' ? 'Afwijzen' : status === 'invited' ? 'Uitnodiging intrekken' : 'Verwijderen'),
    invite: 'Uitnodigen',
    inviteEmail: 'E-mailadres om uit te nodigen',
    invited: 'Als dit adres een account heeft, krijgt het een uitnodiging.',
    failed: 'Dat is niet gelukt',
    lastAdmin: 'Een groep houdt minstens één beheerder. Maak eerst iemand anders beheerder.',
  },
  en: {
    title: 'Members',
    loading: 'Loading members…',
    loadFailed: 'The members could not be loaded.',
    none: 'No members yet.',
    role: { admin: 'admin', member: 'member' },
    status: { active: '', requested: 'asks to join', invited: 'invited' },
    accept: 'Let in',
    makeAdmin: 'Make admin',
    makeMember: 'Make member',
    remove: (status: string) => (status === 'requested' ? 'Decline' : status === 'invited' ? 'Withdraw invitation' : 'Remove'),
    invite: 'Invite',
    inviteEmail: 'Email address to invite',
    invited: 'If this address has an account, it gets an invitation.',
    failed: 'That did not work',
    lastAdmin: 'A group keeps at least one admin. Make someone else admin first.',
  },
};

function MemberList({ documentId, text }: { documentId: string; text: Texts }) {
  const { get, put, del, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [members, setMembers] = React.useState<Member[] | null | 'error'>(null);
  const [email, setEmail] = React.useState('');
  const base = `/buurtplein/groups/${encodeURIComponent(documentId)}`;
  const load = React.useCallback(() => get<{ data: Member[] }>(`${base}/members`).then(({ data }) => setMembers(data.data), () => setMembers('error')), [get, base]);
  React.useEffect(() => void load(), [load]);

  const run = (action: () => Promise<unknown>, done?: string) => async () => {
    try {
      await action();
      if (done) toggleNotification({ type: 'success', message: done });
      await load();
    } catch (error) {
      const { message, details } = refusal(error);
      toggleNotification({ type: 'danger', message: details?.code === 'group.last_admin' ? text.lastAdmin : message ? `${text.failed}: ${message}` : text.failed });
    }
  };

  if (members === null) return <Loader small>{text.loading}</Loader>;
  if (members === 'error') return <Typography textColor="danger600">{text.loadFailed}</Typography>;
  return (
    // No <form>: the panel sits inside the edit view's own form, and a submit would save the document.
    <Flex direction="column" alignItems="stretch" gap={3} width="100%">
      {members.length === 0 && <Typography>{text.none}</Typography>}
      <Box tag="ul" padding={0} margin={0} style={{ listStyle: 'none' }} aria-label={text.title}>
        {members.map((member) => (
          <Box tag="li" key={member.id} paddingBottom={3}>
            <Typography fontWeight="semiBold">{member.name}</Typography>{' '}
            <Typography variant="pi" textColor="neutral600">
              {[text.role[member.role], text.status[member.status]].filter(Boolean).join(' · ')}
            </Typography>
            <Flex gap={1} wrap="wrap" paddingTop={1}>
              {member.status === 'requested' && (
                <Button size="S" variant="success-light" onClick={run(() => put(`${base}/members/${member.id}`, { data: { status: 'active' } }))}>
                  {text.accept}
                </Button>
              )}
              {member.status === 'active' && (
                <Button size="S" variant="tertiary" onClick={run(() => put(`${base}/members/${member.id}`, { data: { role: member.role === 'admin' ? 'member' : 'admin' } }))}>
                  {member.role === 'admin' ? text.makeMember : text.makeAdmin}
                </Button>
              )}
              <Button size="S" variant="danger-light" onClick={run(() => del(`${base}/members/${member.id}`))}>
                {text.remove(member.status)}
              </Button>
            </Flex>
          </Box>
        ))}
      </Box>
      <Field.Root name="group-invite-email">
        <Field.Label>{text.inviteEmail}</Field.Label>
        <TextInput type="email" value={email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmail(e.target.value)} />
      </Field.Root>
      <Button variant="secondary" disabled={!email.trim()} onClick={run(() => post(`${base}/invitations`, { data: { email } }).then(() => setEmail('')), text.invited)}>
        {text.invite}
      </Button>
    </Flex>
  );
}

/** Edit-view side panel of groups: members, requests and invitations, managed by staff as a group admin would. */
export const GroupMembersPanel: PanelComponent = ({ model, documentId }) => {
  const { locale } = useIntl();
  if (model !== GROUP || !documentId) return null;
  const text = locale.startsWith('nl') ? TEXTS.nl : TEXTS.en;
  return { title: text.title, content: <MemberList documentId={documentId} text={text} /> };
};
