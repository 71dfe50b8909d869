import { servicesOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import type services from '../services';

/** For controllers; a service reaches a sibling with serviceOf (no import circle through the services index). */
export const getPluginService = servicesOf<typeof services>(PLUGIN_ID);
