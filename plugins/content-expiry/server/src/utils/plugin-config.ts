import { configOf } from '@buurtplein/plugin-kit';
import type { ContentExpiryConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';

export const pluginConfig = configOf<ContentExpiryConfig>(PLUGIN_ID);
