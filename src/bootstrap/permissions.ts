import type { Core } from '@strapi/strapi';

export const PUBLIC_CONTENT_TYPES = [
  'api::activity.activity',
  'api::category.category',
  'api::initiative.initiative',
  'api::neighbourhood.neighbourhood',
  'api::organisation.organisation',
  'api::subsidy.subsidy',
] as const;

/** Types whose reads depend on who asks (src/visibility): everyone may ask, each sees their own share. */
export const VISIBILITY_CONTENT_TYPES = ['api::group.group', 'api::article.article', 'api::question.question', 'api::answer.answer'] as const;

/** Read actions everyone (signed in or not) gets. */
export const PUBLIC_ACTIONS = [
  ...[...PUBLIC_CONTENT_TYPES, ...VISIBILITY_CONTENT_TYPES].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  'plugin::idea-support.support.status',
  'plugin::idea-support.support.ranking',
  'plugin::idea-support.comments.list',
  'api::enrolment.enrolment.enrol',
  'api::search.search.search',
];

/**
 * Never for the public role, also when an older version (or a person) granted
 * them: changing a second factor takes a session. Taken back at every boot.
 */
export const NEVER_PUBLIC_ACTIONS = ['setupTwoFactor', 'enableTwoFactor', 'disableTwoFactor', 'updateProfile'].map((handler) => `api::account.account.${handler}`);

export const SIGNED_IN_ACTIONS = [
  ...PUBLIC_ACTIONS,
  ...NEVER_PUBLIC_ACTIONS,
  'plugin::idea-support.support.support',
  'plugin::idea-support.support.withdraw',
  'plugin::idea-support.comments.create',
  'plugin::idea-support.comments.report',
  ...['initiatives', 'createInitiative', 'updateInitiative'].map((handler) => `api::my.initiatives.${handler}`),
  'api::enrolment.enrolment.mine',
  'api::enrolment.enrolment.cancelMine',
  'api::group.membership.mine',
  'api::group.membership.join',
  'api::group.membership.leave',
  ...['list', 'change', 'remove', 'invite'].map((handler) => `api::group.members.${handler}`),
  ...['create', 'update', 'publish'].map((handler) => `api::article.authoring.${handler}`),
  ...['mine', 'ask', 'answer', 'accept', 'reportQuestion', 'reportAnswer'].map((handler) => `api::question.asking.${handler}`),
  ...['mine', 'follow', 'unfollow'].map((handler) => `api::follow.following.${handler}`),
];

export const EDITOR_ACTIONS = [
  ...SIGNED_IN_ACTIONS,
  ...[
    'organisations',
    'updateOrganisation',
    'invite',
    'setOrganisationLogo',
    'removeOrganisationLogo',
    'activities',
    'createActivity',
    'updateActivity',
    'deleteActivity',
    'publishActivity',
    'unpublishActivity',
    'setActivityImage',
    'removeActivityImage',
  ].map(
    (handler) => `api::my.my.${handler}`
  ),
  'api::enrolment.organiser.list',
  'api::enrolment.organiser.attendance',
  'api::enrolment.organiser.message',
];

export const EDITOR_ROLE = { type: 'editor', name: 'Organisation editor', description: 'Keeps the listing and activities of their own organisations up to date.' };

const ROLE_ACTIONS: Record<string, readonly string[]> = {
  public: PUBLIC_ACTIONS,
  authenticated: SIGNED_IN_ACTIONS,
  editor: EDITOR_ACTIONS,
};

async function ensureEditorRole(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  if (!(await roles.findOne({ where: { type: EDITOR_ROLE.type } }))) await roles.create({ data: EDITOR_ROLE });
}

/**
 * Grants in code what staff would otherwise click together in the admin
 * panel. Only adds missing rows, so it is safe on every boot and never takes
 * back a permission staff granted by hand, except NEVER_PUBLIC_ACTIONS on the
 * public role. Editors also get whatever a signed-in resident has
 * (users-permissions' own defaults included).
 */
export async function grantRolePermissions(strapi: Core.Strapi) {
  await ensureEditorRole(strapi);
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const roleOf = async (type: string) => {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`[buurtplein] users-permissions role "${type}" is missing`);
    return role;
  };
  const actionsOf = async (roleId: number) =>
    (await permissions.findMany({ where: { role: roleId }, select: ['action'] })).map((p: { action: string }) => p.action);

  const authenticated = await roleOf('authenticated');
  const residentActions = await actionsOf(authenticated.id);
  const publicRole = await roleOf('public');
  await permissions.deleteMany({ where: { role: publicRole.id, action: { $in: NEVER_PUBLIC_ACTIONS } } });
  for (const [type, wanted] of Object.entries(ROLE_ACTIONS)) {
    const role = type === 'authenticated' ? authenticated : await roleOf(type);
    const actions = type === 'editor' ? [...new Set([...residentActions, ...wanted])] : wanted;
    const have = new Set(await actionsOf(role.id));
    for (const action of actions.filter((a) => !have.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
}
