import type { Core } from '@strapi/strapi';
import { runImport } from '.';
import type { ImportType } from './types';
import type { ImportRequest } from '../../plugins/bulk-import/server/src/config';

/** The bulk-import plugin's admin upload, handed to it in config/plugins.ts. */
export const importUpload = ({ strapi, content, filename, type, dryRun, allOrNothing }: ImportRequest) => {
  const app = strapi as Core.Strapi;
  return runImport(app, content, { filename, type: type as ImportType | undefined, dryRun, allOrNothing, log: (line) => app.log.info(line) });
};
