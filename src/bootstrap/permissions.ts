import type { Core } from '@strapi/strapi';

export const PUBLIC_CONTENT_TYPES = [
  'api::activity.activity',
  'api::category.category',
  'api::initiative.initiative',
  'api::neighbourhood.neighbourhood',
  'api::organisation.organisation',
  'api::subsidy.subsidy',
] as const;

/** Read actions everyone (signed in or not) gets; writes come with their own roles. */
export const PUBLIC_ACTIONS = [
  ...PUBLIC_CONTENT_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
  'plugin::idea-support.support.status',
];

const ROLE_ACTIONS: Record<string, readonly string[]> = {
  public: PUBLIC_ACTIONS,
  authenticated: PUBLIC_ACTIONS,
};

/**
 * Grants in code what staff would otherwise click together in the admin
 * panel. Only adds missing rows, so it is safe on every boot and never takes
 * back a permission staff granted by hand.
 */
export async function grantRolePermissions(strapi: Core.Strapi) {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const [type, actions] of Object.entries(ROLE_ACTIONS)) {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`[buurtplein] users-permissions role "${type}" is missing`);
    const existing = await permissions.findMany({ where: { role: role.id, action: { $in: actions } }, select: ['action'] });
    const have = new Set(existing.map((p: { action: string }) => p.action));
    for (const action of actions.filter((a) => !have.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
}
