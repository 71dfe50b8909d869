import * as React from 'react';
import { Box, Button, Field, Flex, Loader, Tabs, Textarea, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check, Eye, Mail } from '@strapi/icons';
import { ConfirmButton, serverMessage } from '@buurtplein/plugin-kit/admin';
import { useIntl } from 'react-intl';
import { useRemindersApi, type MailText, type RenderedMail, type Template } from '../api/reminders';
import { LANGUAGES, PLACEHOLDERS, REQUIRED_PLACEHOLDER, getTranslation, languageName, type Language } from '../pluginId';

const asPlaceholder = (name: string) => `{{${name}}}`;

const PLACEHOLDER_HELP: Record<(typeof PLACEHOLDERS)[number], string> = {
  organisation: 'the name of the organisation',
  period: 'the quarter, like 2026-Q4',
  summary: 'their listing as it is now: address, phone, email, website, categories',
  activities: 'their next five activities',
  confirmLink: 'the one-click "everything is still correct" link (required)',
  editLink: 'the link that logs them straight in to edit their listing',
  reach: 'how often their listing was viewed last quarter (one sentence; empty while nothing is counted)',
};

/** What each placeholder becomes in the mail. */
function PlaceholderHelp({ id }: { id: string }) {
  const { formatMessage } = useIntl();
  return (
    <Box background="neutral100" hasRadius padding={4}>
      <Typography id={id} tag="h4" variant="omega" fontWeight="bold">
        {formatMessage({ id: getTranslation('templates.placeholders.title'), defaultMessage: 'Placeholders' })}
      </Typography>
      <Box tag="ul" aria-labelledby={id} marginTop={2}>
        {PLACEHOLDERS.map((name) => (
          <li key={name}>
            <Typography>
              <code>{asPlaceholder(name)}</code>
              {': '}
              {formatMessage({ id: getTranslation(`templates.placeholders.${name}`), defaultMessage: PLACEHOLDER_HELP[name] })}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** The rendered mail: its subject, and the HTML in a sandboxed frame (no scripts, no navigation). */
function Preview({ mail, language }: { mail: RenderedMail; language: string }) {
  const { formatMessage } = useIntl();
  const headingId = React.useId();
  return (
    <Flex tag="section" aria-labelledby={headingId} direction="column" alignItems="stretch" gap={2}>
      <Typography id={headingId} tag="h4" variant="epsilon" fontWeight="bold">
        {formatMessage({ id: getTranslation('templates.preview.title'), defaultMessage: 'Preview with example values' })}
      </Typography>
      <Typography>
        <Typography fontWeight="bold">{formatMessage({ id: getTranslation('templates.preview.subject'), defaultMessage: 'Subject:' })}</Typography>{' '}
        {mail.subject}
      </Typography>
      <Box hasRadius borderColor="neutral200" overflow="hidden" background="neutral0">
        <iframe
          srcDoc={mail.html}
          sandbox=""
          title={formatMessage({ id: getTranslation('templates.preview.frame'), defaultMessage: 'Preview of the mail in {language}' }, { language })}
          style={{ display: 'block', width: '100%', height: '36rem', border: 0, background: '#fff' }}
        />
      </Box>
    </Flex>
  );
}

type Feedback = { text: string; error: boolean } | null;
type Busy = 'preview' | 'test' | 'save' | 'reset' | null;

/** The form for one language; the draft lives in the editor so switching tabs keeps unsaved text. */
function LanguageForm({
  language,
  saved,
  draft,
  onDraft,
  onSaved,
}: {
  language: Language;
  saved: Template;
  draft: MailText;
  onDraft: (draft: MailText) => void;
  onSaved: (template: Template) => void;
}) {
  const { formatMessage } = useIntl();
  const api = useRemindersApi();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [feedback, setFeedback] = React.useState<Feedback>(null);
  const [preview, setPreview] = React.useState<RenderedMail | null>(null);
  const languageLabel = formatMessage(languageName(language));
  const changed = draft.subject !== saved.subject || draft.body !== saved.body;
  const fieldId = (field: string) => `listing-reminders-${language}-${field}`;

  // The server's 400s start with the field they are about ("subject is required …"); those about
  // placeholders ("Unknown placeholders: …", "must contain {{confirmLink}}") are about the text, where they mostly sit.
  const errorField = !feedback?.error ? null : /^subject\b/i.test(feedback.text) ? 'subject' : /^body\b|placeholder|\{\{/i.test(feedback.text) ? 'body' : null;
  const fieldError = (field: 'subject' | 'body') => (errorField === field ? feedback?.text : undefined);

  const act = async (kind: Exclude<Busy, null>, call: () => Promise<string>) => {
    setBusy(kind);
    setFeedback(null);
    if (kind !== 'preview') setPreview(null);
    try {
      setFeedback({ text: await call(), error: false });
    } catch (error) {
      setFeedback({ text: serverMessage(error) ?? formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'unknown error' }), error: true });
    } finally {
      setBusy(null);
    }
  };

  const showPreview = () =>
    act('preview', async () => {
      setPreview(await api.preview(language, draft));
      return formatMessage({ id: getTranslation('templates.status.previewed'), defaultMessage: 'The preview below shows the text as it is now, with example values.' });
    });

  const sendTest = () =>
    act('test', async () => {
      const { sentTo } = await api.sendTest(language, draft);
      return formatMessage({ id: getTranslation('templates.status.testSent'), defaultMessage: 'Test mail sent to {email}.' }, { email: sentTo });
    });

  const save = () =>
    act('save', async () => {
      onSaved(await api.saveTemplate(language, draft));
      return formatMessage({ id: getTranslation('templates.status.saved'), defaultMessage: 'The text in {language} is saved; the next reminders use it.' }, { language: languageLabel });
    });

  const reset = () =>
    act('reset', async () => {
      onSaved(await api.resetTemplate(language));
      return formatMessage({ id: getTranslation('templates.status.reset'), defaultMessage: 'The text in {language} is back to the default.' }, { language: languageLabel });
    });

  const placeholdersId = fieldId('placeholders');

  return (
    <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
      <Typography textColor="neutral600">
        {saved.custom
          ? formatMessage({ id: getTranslation('templates.custom'), defaultMessage: 'This is your own text.' })
          : formatMessage({ id: getTranslation('templates.default'), defaultMessage: 'This is the default text.' })}
        {changed && ` ${formatMessage({ id: getTranslation('templates.unsaved'), defaultMessage: 'You have unsaved changes.' })}`}
      </Typography>
      <Field.Root name="subject" id={fieldId('subject')} required error={fieldError('subject')}>
        <Field.Label>{formatMessage({ id: getTranslation('templates.subject.label'), defaultMessage: 'Subject' })}</Field.Label>
        <Field.Input maxLength={200} value={draft.subject} onChange={(event: React.ChangeEvent<HTMLInputElement>) => onDraft({ ...draft, subject: event.target.value })} />
        <Field.Error />
      </Field.Root>
      <Field.Root
        name="body"
        id={fieldId('body')}
        required
        error={fieldError('body')}
        hint={formatMessage(
          { id: getTranslation('templates.body.hint'), defaultMessage: 'Placeholders: {placeholders}. {required} is required. An empty line starts a new paragraph.' },
          { placeholders: PLACEHOLDERS.map(asPlaceholder).join(', '), required: asPlaceholder(REQUIRED_PLACEHOLDER) }
        )}
      >
        <Field.Label>{formatMessage({ id: getTranslation('templates.body.label'), defaultMessage: 'Text' })}</Field.Label>
        <Textarea
          maxLength={10000}
          value={draft.body}
          onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onDraft({ ...draft, body: event.target.value })}
          style={{ minHeight: '32rem', fontFamily: 'monospace' }}
        />
        <Field.Hint />
        <Field.Error />
      </Field.Root>
      <PlaceholderHelp id={placeholdersId} />

      <Flex gap={2} wrap="wrap">
        <Button variant="secondary" startIcon={<Eye />} disabled={busy !== null} loading={busy === 'preview'} onClick={showPreview}>
          {formatMessage({ id: getTranslation('templates.preview'), defaultMessage: 'Preview' })}
        </Button>
        <Button variant="secondary" startIcon={<Mail />} disabled={busy !== null} loading={busy === 'test'} onClick={sendTest}>
          {formatMessage({ id: getTranslation('templates.test'), defaultMessage: 'Send a test to me' })}
        </Button>
        <Button startIcon={<Check />} disabled={busy !== null || !changed} loading={busy === 'save'} onClick={save}>
          {formatMessage({ id: getTranslation('templates.save'), defaultMessage: 'Save' })}
        </Button>
        {saved.custom && (
          <ConfirmButton
            label={formatMessage({ id: getTranslation('templates.reset'), defaultMessage: 'Back to default' })}
            icon={<ArrowClockwise />}
            disabled={busy !== null}
            loading={busy === 'reset'}
            title={formatMessage({ id: getTranslation('templates.reset.title'), defaultMessage: 'Go back to the default text in {language}?' }, { language: languageLabel })}
            body={formatMessage({
              id: getTranslation('templates.reset.body'),
              defaultMessage: 'Your own text is deleted and the next reminders use the default text again.',
            })}
            cancel={formatMessage({ id: getTranslation('templates.reset.cancel'), defaultMessage: 'Cancel' })}
            confirm={formatMessage({ id: getTranslation('templates.reset.action'), defaultMessage: 'Yes, back to default' })}
            onConfirm={reset}
          />
        )}
      </Flex>

      <Flex role="status" aria-live="polite" gap={2} alignItems="center">
        {busy && <Loader small aria-hidden />}
        {feedback && (
          <Typography textColor={feedback.error ? 'danger600' : 'neutral800'} fontWeight={feedback.error ? 'semiBold' : undefined}>
            {feedback.error && `${formatMessage({ id: getTranslation('templates.status.error'), defaultMessage: 'Not done:' })} `}
            {feedback.text}
          </Typography>
        )}
      </Flex>

      {preview && <Preview mail={preview} language={languageLabel} />}
    </Flex>
  );
}

/** The reminder text per language (Dutch and English), with preview, a test to oneself, save and back to default. */
export function TemplateEditor() {
  const { formatMessage } = useIntl();
  const api = useRemindersApi();
  const [saved, setSaved] = React.useState<Record<Language, Template> | null>(null);
  const [drafts, setDrafts] = React.useState<Record<Language, MailText> | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [language, setLanguage] = React.useState<Language>('nl');

  React.useEffect(() => {
    let current = true;
    api
      .templates()
      .then((templates) => {
        if (!current) return;
        setSaved(templates);
        setDrafts({ nl: { subject: templates.nl.subject, body: templates.nl.body }, en: { subject: templates.en.subject, body: templates.en.body } });
      })
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [api]);

  if (failed) {
    return <Typography textColor="danger600">{formatMessage({ id: getTranslation('templates.error'), defaultMessage: 'The texts could not be loaded.' })}</Typography>;
  }
  if (!saved || !drafts) {
    return <Loader small>{formatMessage({ id: getTranslation('templates.loading'), defaultMessage: 'Loading the texts…' })}</Loader>;
  }

  return (
    <Tabs.Root value={language} onValueChange={(value) => setLanguage(value as Language)}>
      <Tabs.List aria-label={formatMessage({ id: getTranslation('templates.languages'), defaultMessage: 'Language of the mail' })}>
        {LANGUAGES.map((l) => (
          <Tabs.Trigger key={l} value={l}>
            {formatMessage(languageName(l))}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {LANGUAGES.map((l) => (
        <Tabs.Content key={l} value={l}>
          <LanguageForm
            language={l}
            saved={saved[l]}
            draft={drafts[l]}
            onDraft={(draft) => setDrafts((all) => all && { ...all, [l]: draft })}
            onSaved={(template) => {
              setSaved((all) => all && { ...all, [l]: template });
              setDrafts((all) => all && { ...all, [l]: { subject: template.subject, body: template.body } });
            }}
          />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
