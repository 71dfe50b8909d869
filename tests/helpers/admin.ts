import { api, unique } from './fixtures';
import { strapi } from './strapi';

const created: number[] = [];

const createdRoles: number[] = [];

type Permission = { action: string; subject: string | null };

/** A role that may do only what is listed (nothing by default), for the staff member who must be refused. */
async function limitedRole(permissions: Permission[]) {
  const role = await strapi().service('admin::role').create({ name: unique('Beperkt'), description: 'limited permissions' });
  createdRoles.push(role.id);
  if (permissions.length) await strapi().service('admin::role').assignPermissions(role.id, permissions);
  return role;
}

/**
 * A staff member of its own, logged in through the real admin login: a super
 * admin, or one whose role grants nothing (`withoutRights`) or only
 * `permissions`. removeAdmins() cleans up.
 */
export async function adminToken({ withoutRights = false, permissions }: { withoutRights?: boolean; permissions?: Permission[] } = {}): Promise<string> {
  const email = `${unique('staff')}@staff.example`;
  const password = 'Staff-Passw0rd';
  const role = withoutRights || permissions ? await limitedRole(permissions ?? []) : await strapi().service('admin::role').getSuperAdmin();
  const admin = await strapi().service('admin::user').create({ email, password, firstname: 'Staff', lastname: 'Member', isActive: true, registrationToken: null, roles: [role.id] });
  created.push(admin.id);
  return (await api().post('/admin/login').send({ email, password }).expect(200)).body.data.token as string;
}

// Other suites (bootstrap's first-admin test) expect no admin user to exist.
export async function removeAdmins() {
  if (created.length) await strapi().db.query('admin::user').deleteMany({ where: { id: { $in: created.splice(0) } } });
  if (createdRoles.length) await strapi().db.query('admin::role').deleteMany({ where: { id: { $in: createdRoles.splice(0) } } });
}
