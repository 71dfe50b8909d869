import { configOf } from '@buurtplein/plugin-kit';
import type { OutboxConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';

export const pluginConfig = configOf<OutboxConfig>(PLUGIN_ID);
