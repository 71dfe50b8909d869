import { factories } from '@strapi/strapi';

// Reads only: staff create and manage groups in the admin panel, group admins through their own routes.
export default factories.createCoreRouter('api::group.group', { only: ['find', 'findOne'] });
