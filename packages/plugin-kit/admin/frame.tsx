import * as React from 'react';
import { Box, Button, Dialog, Flex, Loader, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';

/** A plugin's staff page: its title (also the browser tab's), a line saying what it is for, and its sections one below the other. */
export function PluginPage({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={subtitle} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {children}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/** A titled block of a plugin page, with an optional action next to its heading. */
export function Section({ id, title, action, children }: { id: string; title: string; action?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Box tag="section" aria-labelledby={id} background="neutral0" hasRadius shadow="tableShadow" paddingTop={6} paddingBottom={6} paddingLeft={7} paddingRight={7}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Typography id={id} tag="h2" variant="delta">
            {title}
          </Typography>
          {action}
        </Flex>
        {children}
      </Flex>
    </Box>
  );
}

/**
 * A button for something that cannot be undone (run for real, send mails,
 * throw away a text): it asks first, in words that say what will happen.
 */
export function ConfirmButton(props: {
  label: string;
  icon?: React.ReactNode;
  disabled?: boolean;
  loading?: boolean;
  /** Checked when the button is pressed: false keeps the dialog closed (say why next to the field). */
  canOpen?: () => boolean;
  title: string;
  body: string;
  cancel: string;
  confirm: string;
  onConfirm: () => void;
}) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button
          variant="danger-light"
          startIcon={props.icon}
          disabled={props.disabled}
          loading={props.loading}
          onClick={(event: React.MouseEvent) => props.canOpen && !props.canOpen() && event.preventDefault()}
        >
          {props.label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{props.title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>{props.body}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {props.cancel}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={props.onConfirm}>
              {props.confirm}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

/** Where a page says what a run is doing and how it ended: screen readers hear the text, the spinner is for the eye. */
export function RunStatus({ busy, status }: { busy: boolean; status: { text: string; error: boolean } | null }) {
  return (
    <Flex role="status" aria-live="polite" gap={2} alignItems="center">
      {busy && <Loader small aria-hidden />}
      {status && <Typography textColor={status.error ? 'danger600' : 'neutral800'}>{status.text}</Typography>}
    </Flex>
  );
}
