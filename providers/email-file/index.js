'use strict';

// Strapi 5 email provider for installs without SMTP (the demo, offline
// development): each mail is composed exactly as it would be sent and written
// to <dir>/<timestamp>-<random>.eml, so every mail flow works and its result
// can be opened in any mail client.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const nodemailer = require('nodemailer');

const addressOf = (value) => (value && typeof value === 'object' ? value.address : value);

const recipients = (envelope, to) => {
  // The envelope lists every recipient (to, cc and bcc) as plain addresses.
  if (envelope && Array.isArray(envelope.to) && envelope.to.length > 0) return envelope.to.join(', ');
  return [].concat(to || []).map(addressOf).join(', ') || '(no recipient)';
};

module.exports = {
  init(providerOptions = {}, settings = {}) {
    const dir = path.resolve(providerOptions.dir || path.join('.tmp', 'mail'));
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });

    // Looked up per mail: the config (and so settings) is read before the
    // global strapi exists, and strapi.log honours LOG_LEVEL.
    const logger = () => settings.logger || (global.strapi && global.strapi.log) || console;

    return {
      async send(options) {
        const { from, replyTo, text, html, ...rest } = options;
        const info = await transporter.sendMail({
          ...rest,
          from: from || settings.defaultFrom,
          replyTo: replyTo || settings.defaultReplyTo,
          // Same fallbacks as @strapi/provider-email-nodemailer, so a mail looks
          // the same here as it does once SMTP is configured.
          text: text ?? html,
          html: html ?? text,
          // Like the nodemailer provider: attachments must not pull in local
          // files or URLs named by the caller.
          disableFileAccess: true,
          disableUrlAccess: true,
        });

        await fs.promises.mkdir(dir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = path.join(dir, `${stamp}-${crypto.randomBytes(4).toString('hex')}.eml`);
        await fs.promises.writeFile(file, info.message);

        logger().info(`[mail] to ${recipients(info.envelope, options.to)}: ${options.subject || '(no subject)'} → ${file}`);
        return { envelope: info.envelope, messageId: info.messageId, file };
      },

      // Used by the admin panel's email settings page.
      async verify() {
        await fs.promises.mkdir(dir, { recursive: true });
        await fs.promises.access(dir, fs.constants.W_OK);
        return true;
      },
    };
  },
};
