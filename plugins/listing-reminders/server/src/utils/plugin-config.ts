import { configOf } from '@buurtplein/plugin-kit';
import type { ListingRemindersConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';

export const pluginConfig = configOf<ListingRemindersConfig>(PLUGIN_ID);
