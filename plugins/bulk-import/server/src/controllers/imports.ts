import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { configOf } from '@buurtplein/plugin-kit';
import type { BulkImportConfig } from '../config';
import { PLUGIN_ID } from '../plugin-id';
import { uploadBody } from '../routes/validation';

const pluginConfig = configOf<BulkImportConfig>(PLUGIN_ID);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async types(ctx: any) {
    ctx.body = { data: pluginConfig(strapi).types, meta: {} };
  },

  async upload(ctx: any) {
    const { importer, types, maxFileBytes } = pluginConfig(strapi);
    const { file, ...options } = uploadBody(ctx.request.body, ctx.request.files, types, maxFileBytes);
    const content = await readFile(file.filepath);
    ctx.body = { data: await importer({ strapi, content, filename: file.originalFilename ?? 'upload', ...options }), meta: {} };
  },
});
