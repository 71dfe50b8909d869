'use strict';
// A vanilla Strapi 5.54 app with buurtplein's model, for bench/memory.js's boot comparison:
// the files `create-strapi-app --js --no-example` writes (config, an empty src/index.js),
// plus every content type of the app and of its local plugins as a plain API with Strapi's
// core router, controller and service. No code of ours runs in it: no middlewares, guards,
// lifecycles, cache, search index, plugins or extensions. It resolves its packages from the
// project's node_modules (it lives below the project), so it runs the same Strapi build.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

const write = (file, text) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

// What create-strapi-app 5.54's JavaScript template puts in config/, reading the same env
// variables (the database on PostgreSQL, in DATABASE_SCHEMA).
const CONFIG = {
  'server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
});
`,
  'admin.js': `module.exports = ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  flags: { nps: env.bool('FLAG_NPS', true), promoteEE: env.bool('FLAG_PROMOTE_EE', true) },
});
`,
  'api.js': `module.exports = {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
`,
  'database.js': `module.exports = ({ env }) => ({
  connection: {
    client: 'postgres',
    connection: { connectionString: env('DATABASE_URL'), schema: env('DATABASE_SCHEMA', 'public') },
    pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
  },
});
`,
  'middlewares.js': `module.exports = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  'plugins.js': `module.exports = ({ env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
});
`,
};

/** The content-type schema files of the app (src/api) and of its local plugins (plugins/). */
function modelSchemas() {
  const found = [];
  const walk = (dir, plugin) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '__tests__') walk(full, plugin);
      else if (entry.name === 'schema.json' && path.basename(path.dirname(path.dirname(full))) === 'content-types') found.push({ file: full, plugin });
    }
  };
  walk(path.join(ROOT, 'src/api'), null);
  for (const plugin of fs.readdirSync(path.join(ROOT, 'plugins'))) walk(path.join(ROOT, 'plugins', plugin, 'server/src/content-types'), plugin);
  return found;
}

/**
 * A plugin's content type becomes an API of its own, named after the plugin so that two
 * plugins' "run" stay apart; its table (collectionName) stays the same. A custom field
 * becomes the type it stores.
 */
function asApi({ file, plugin }, customFieldTypes) {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  const name = plugin ? `${plugin}-${schema.info.singularName}` : schema.info.singularName;
  schema.info = { ...schema.info, singularName: name, pluralName: plugin ? `${plugin}-${schema.info.pluralName}` : schema.info.pluralName };
  for (const attribute of Object.values(schema.attributes)) {
    if (attribute.type !== 'customField') continue;
    const type = customFieldTypes[attribute.customField];
    if (!type) throw new Error(`${file}: no stored type known for custom field ${attribute.customField}`);
    attribute.type = type;
    delete attribute.customField;
    delete attribute.options;
  }
  return { name, schema };
}

/**
 * Writes the app into `dir` (replacing an earlier one) and returns what it holds.
 * `customFieldTypes`: each custom field's stored type, as src/index.ts registers it.
 */
function writeVanillaApp(dir, { customFieldTypes }) {
  fs.rmSync(dir, { recursive: true, force: true });
  const strapiVersion = require('@strapi/strapi/package.json').version;
  write(
    path.join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: 'buurtplein-vanilla-bench',
        private: true,
        version: '0.0.0',
        dependencies: { '@strapi/strapi': strapiVersion, '@strapi/plugin-users-permissions': strapiVersion, pg: '*' },
        strapi: { uuid: false },
      },
      null,
      2
    )}\n`
  );
  for (const [file, text] of Object.entries(CONFIG)) write(path.join(dir, 'config', file), text);
  write(path.join(dir, 'public/uploads/.gitkeep'), '');
  write(path.join(dir, 'database/migrations/.gitkeep'), '');
  write(path.join(dir, 'src/index.js'), `module.exports = {\n  register() {},\n  bootstrap() {},\n};\n`);
  const apis = modelSchemas().map((found) => asApi(found, customFieldTypes));
  for (const { name, schema } of apis) {
    const api = path.join(dir, 'src/api', name);
    const uid = `api::${name}.${name}`;
    write(path.join(api, 'content-types', name, 'schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
    for (const [kind, factory] of [
      ['routes', 'createCoreRouter'],
      ['controllers', 'createCoreController'],
      ['services', 'createCoreService'],
    ]) {
      write(path.join(api, kind, `${name}.js`), `const { factories } = require('@strapi/strapi');\n\nmodule.exports = factories.${factory}('${uid}');\n`);
    }
  }
  return { contentTypes: apis.map((a) => a.name) };
}

module.exports = { writeVanillaApp };
