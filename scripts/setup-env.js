#!/usr/bin/env node
// Writes .env from .env.example with fresh secrets, only when .env is missing,
// so `npm install && npm start` boots without a manual step and never
// overwrites an operator's own configuration. Dependency-free on purpose:
// it runs from postinstall, before anything else is guaranteed to work.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const envFile = path.join(root, '.env');
const exampleFile = path.join(root, '.env.example');

const secret = () => crypto.randomBytes(16).toString('base64');
const GENERATED = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
  REMINDER_LINK_SECRET: secret,
  MAIL_LINK_SECRET: secret,
};

function fillSecrets(exampleText) {
  return exampleText
    .split('\n')
    .map((line) => {
      const match = /^([A-Z0-9_]+)=/.exec(line);
      if (!match || !GENERATED[match[1]]) return line;
      return `${match[1]}=${GENERATED[match[1]]()}`;
    })
    .join('\n');
}

function main() {
  if (fs.existsSync(envFile)) return;
  if (!fs.existsSync(exampleFile)) {
    console.error('[setup] .env.example is missing; cannot write .env');
    process.exit(1);
  }
  fs.writeFileSync(envFile, fillSecrets(fs.readFileSync(exampleFile, 'utf8')), { mode: 0o600 });
  console.log('[setup] wrote .env with freshly generated secrets (edit it to configure buurtplein)');
}

if (require.main === module) main();
module.exports = { fillSecrets, writeEnvIfMissing: main };
