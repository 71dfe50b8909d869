import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };

export const getPluginService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('listing-reminders').service(name) as Services[K];
