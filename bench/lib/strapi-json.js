'use strict';
// What the baselines need to answer with Strapi's JSON from Strapi's own tables.
const fs = require('node:fs');
const path = require('node:path');
const pg = require('pg');

// Strapi's PostgreSQL dialect reads decimals as numbers and dates as 'YYYY-MM-DD'; so must a baseline.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, parseFloat);
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

const DEFAULT_PAGE_SIZE = 25; // config/api.ts rest.defaultLimit
const MAX_PAGE_SIZE = 100; // config/api.ts rest.maxLimit

// The fields Strapi returns: the scalar attributes that are not private (relations and
// media only with populate), plus its own. Read from the schemas, so that a new
// attribute shows up here too and the comparison stays honest as the app grows.
const NOT_SCALAR = new Set(['relation', 'media', 'component', 'dynamiczone']);
function publicFields(api, type = api) {
  const schema = path.join(__dirname, '..', '..', 'src', 'api', api, 'content-types', type, 'schema.json');
  const { attributes, pluginOptions } = JSON.parse(fs.readFileSync(schema, 'utf8'));
  const own = Object.keys(attributes).filter((name) => !attributes[name].private && !NOT_SCALAR.has(attributes[name].type));
  return ['id', 'documentId', ...own, 'createdAt', 'updatedAt', 'publishedAt', ...(pluginOptions?.i18n?.localized ? ['locale'] : [])];
}

// Strapi's column names: snake_case of the attribute names.
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columns = (alias, fields) => fields.map((f) => `${alias}.${snake(f)} AS "${f}"`).join(', ');

class BadRequest extends Error {}

function positiveInt(raw, fallback) {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new BadRequest(`not a positive whole number: ${raw}`);
  return Number(raw);
}

/** page and pageSize of a REST query, as Strapi reads them. */
function pagination(params) {
  const pageSize = positiveInt(params.get('pagination[pageSize]'), DEFAULT_PAGE_SIZE);
  if (pageSize > MAX_PAGE_SIZE) throw new BadRequest(`pageSize above ${MAX_PAGE_SIZE}`);
  return { page: positiveInt(params.get('pagination[page]'), 1), pageSize };
}

const pageMeta = ({ page, pageSize }, total) => ({ pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } });

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const fail = (res, status, name, message) => send(res, status, { data: null, error: { status, name, message } });

// Same pool size as Strapi's (config/database.ts, DATABASE_POOL_MAX default 10).
const pool = () =>
  new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX || 10),
    options: `-c search_path=${process.env.DATABASE_SCHEMA}`,
  });

module.exports = { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, publicFields, snake, columns, BadRequest, positiveInt, pagination, pageMeta, send, fail, pool };
