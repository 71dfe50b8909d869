import { configOf } from '@buurtplein/plugin-kit';
import type { ModerationConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';

export const pluginConfig = configOf<ModerationConfig>(PLUGIN_ID);
