import { factories } from '@strapi/strapi';

// Reads only: writing goes through the routes that check who may (and staff use the admin panel).
export default factories.createCoreRouter('api::answer.answer', { only: ['find', 'findOne'] });
