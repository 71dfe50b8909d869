import { api, unique } from './fixtures';
import { strapi } from './strapi';

const created: number[] = [];

/** A super admin of its own, logged in through the real admin login; removeAdmins() cleans up. */
export async function adminToken(): Promise<string> {
  const email = `${unique('staff')}@staff.example`;
  const password = 'Staff-Passw0rd';
  const superAdmin = await strapi().service('admin::role').getSuperAdmin();
  const admin = await strapi().service('admin::user').create({ email, password, firstname: 'Staff', lastname: 'Member', isActive: true, registrationToken: null, roles: [superAdmin.id] });
  created.push(admin.id);
  return (await api().post('/admin/login').send({ email, password }).expect(200)).body.data.token as string;
}

// Other suites (bootstrap's first-admin test) expect no admin user to exist.
export async function removeAdmins() {
  if (created.length) await strapi().db.query('admin::user').deleteMany({ where: { id: { $in: created.splice(0) } } });
}
