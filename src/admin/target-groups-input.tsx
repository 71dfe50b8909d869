import * as React from 'react';
import { Checkbox, Field, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { TARGET_GROUPS } from '../lib/target-groups';

/** The props the content manager gives a custom field's input (its own field state included). */
interface Props {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  value?: unknown;
  onChange: (name: string, value: unknown) => void;
}

/** Stored as JSON; older rows or a hand edit may hold it as text. */
function chosenOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string' || !value.trim()) return [];
  try {
    return chosenOf(JSON.parse(value));
  } catch {
    return [];
  }
}

/**
 * Target groups as checkboxes with their names in the staff member's
 * language, instead of a JSON editor where a typo ("senior") would slip in.
 * Saves the same JSON list the API and the website read (src/lib/target-groups.ts).
 */
export const TargetGroupsInput = React.forwardRef<HTMLDivElement, Props>(({ name, label, hint, required, disabled, error, value, onChange }, ref) => {
  const { formatMessage } = useIntl();
  const chosen = chosenOf(value);
  const toggle = (group: string, on: boolean) => {
    const next = TARGET_GROUPS.filter((each) => (each === group ? on : chosen.includes(each)));
    onChange(name, next.length ? next : null);
  };
  return (
    <Field.Root name={name} hint={hint} error={error} required={required} ref={ref}>
      <Field.Label>{label}</Field.Label>
      <Flex direction="column" alignItems="flex-start" gap={2} role="group" aria-label={label}>
        {TARGET_GROUPS.map((group) => (
          <Checkbox key={group} name={`${name}.${group}`} checked={chosen.includes(group)} disabled={disabled} onCheckedChange={(checked) => toggle(group, checked === true)}>
            {formatMessage({ id: `buurtplein.targetGroup.${group}`, defaultMessage: group })}
          </Checkbox>
        ))}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
});
