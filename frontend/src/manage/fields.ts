import { localInput } from '../../../src/lib/datetime-local';
import { TARGET_GROUPS } from '../../../src/lib/target-groups';
import type { Named } from '../api';
import { targetGroupName } from '../format';
import { checkboxes, field, select } from '../forms';
import { t } from '../i18n';
import { pointPicker } from './point-picker';
import { repeatRuleField } from './repeat-rule';
import type { MyActivity, MyOrganisation, Vocabularies } from './types';

const ids = (items: Named[] | undefined) => (items ?? []).map((item) => item.documentId!).filter(Boolean);
const choices = (items: Named[]) => items.map((item) => ({ value: item.documentId!, label: item.name }));

/** The public profile of an organisation: shared by sign-up and "edit profile". */
export function organisationFields(vocabularies: Vocabularies, organisation: Partial<MyOrganisation> = {}): HTMLElement[] {
  return [
    field({ name: 'name', label: t('nameLabel'), required: true, value: organisation.name, autocomplete: 'organization' }),
    field({ name: 'description', label: t('descriptionLabel'), value: organisation.description, multiline: true }),
    checkboxes('categories', t('categoriesLegend'), choices(vocabularies.categories), ids(organisation.categories)),
    checkboxes('neighbourhoods', t('neighbourhoodsLegend'), choices(vocabularies.neighbourhoods), ids(organisation.neighbourhoods)),
    field({ name: 'address', label: t('addressLabel'), value: organisation.address, autocomplete: 'street-address' }),
    field({ name: 'postalCode', label: t('postalCodeLabel'), value: organisation.postalCode, autocomplete: 'postal-code' }),
    field({ name: 'city', label: t('cityLabel'), value: organisation.city, autocomplete: 'address-level2' }),
    field({ name: 'phone', label: t('phoneLabel'), type: 'tel', value: organisation.phone }),
    field({ name: 'email', label: t('publicEmailLabel'), type: 'email', value: organisation.email }),
    field({ name: 'website', label: t('websiteLabel'), type: 'url', value: organisation.website, hint: 'https://…' }),
    pointPicker(vocabularies.areas, organisation, organisation.name ?? t('newOrganisation'), vocabularies),
  ];
}

/** Who gets the quarterly "is your listing still right?" mail: seen and changed with the profile. */
export const reminderEmailField = (organisation: Partial<MyOrganisation> = {}) =>
  field({ name: 'reminderEmail', label: t('reminderEmailLabel'), type: 'email', required: true, value: organisation.reminderEmail, hint: t('reminderEmailHint') });

export function activityFields(vocabularies: Vocabularies, activity: Partial<MyActivity> = {}): HTMLElement[] {
  return [
    field({ name: 'title', label: t('titleLabel'), required: true, value: activity.title }),
    field({ name: 'description', label: t('descriptionLabel'), value: activity.description, multiline: true }),
    checkboxes('categories', t('categoriesLegend'), choices(vocabularies.categories), ids(activity.categories)),
    // The workspace list does not include the neighbourhood: left empty, an edit keeps the current one.
    select('neighbourhood', t('neighbourhoodLabel'), choices(vocabularies.neighbourhoods), '', activity.documentId ? t('unchanged') : t('none')),
    field({ name: 'startsAt', label: t('startsAtLabel'), type: 'datetime-local', value: localInput(activity.startsAt) }),
    field({ name: 'endsAt', label: t('endsAtLabel'), type: 'datetime-local', value: localInput(activity.endsAt) }),
    repeatRuleField(activity.recurrence),
    field({ name: 'address', label: t('addressLabel'), value: activity.address }),
    pointPicker(vocabularies.areas, activity, activity.title ?? t('newActivity'), vocabularies),
    field({ name: 'cost', label: t('costLabel'), type: 'number', value: activity.cost }),
    field({ name: 'costNote', label: t('costNoteLabel'), value: activity.costNote }),
    checkboxes(
      'targetGroups',
      t('activityTargetGroups'),
      TARGET_GROUPS.map((group) => ({ value: group, label: targetGroupName(group) })),
      activity.targetGroups ?? []
    ),
    field({ name: 'capacity', label: t('capacityLabel'), type: 'number', value: activity.capacity, hint: t('capacityHint') }),
    field({ name: 'enrolmentUrl', label: t('enrolmentUrlLabel'), type: 'url', value: activity.enrolmentUrl, hint: 'https://…' }),
  ];
}

/** Coordinates as numbers; an empty pair as null (off the map). */
export function pointData(values: Record<string, string | string[] | null>) {
  const number = (value: string | string[] | null) => (typeof value === 'string' ? Number(value) : null);
  return { latitude: number(values.latitude), longitude: number(values.longitude) };
}

/** Form values as the API wants them: dates in ISO, numbers as numbers. */
export function activityData(values: Record<string, string | string[] | null>) {
  const date = (value: string | string[] | null) => (typeof value === 'string' ? new Date(value).toISOString() : null);
  const { neighbourhood, ...rest } = values;
  return {
    ...rest,
    ...(neighbourhood ? { neighbourhood } : {}),
    startsAt: date(values.startsAt),
    endsAt: date(values.endsAt),
    cost: values.cost === null ? null : Number(values.cost),
    capacity: values.capacity === null ? null : Number(values.capacity),
    ...pointData(values),
  };
}
