import { configOf } from '@buurtplein/plugin-kit';
import type { IdeaSupportConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';

export const pluginConfig = configOf<IdeaSupportConfig>(PLUGIN_ID);
