'use strict';
// The raw loop of bench/reminders.js, a process of its own: one nodemailer transport
// with the options config/plugins.ts gives the app's (host, port, secure: false, pool
// as SMTP_POOL), and `concurrency` senders working through `count` mails (each takes
// the next mail when its last one is accepted). No database, no templates.
const nodemailer = require('nodemailer');
const { serveParent, measured } = require('./common');

serveParent({
  async send({ count, concurrency, mail }) {
    const transport = nodemailer.createTransport({
      host: process.env.SMTP_HOST,
      port: Number(process.env.SMTP_PORT),
      secure: false,
      pool: process.env.SMTP_POOL === 'true',
    });
    let next = 0;
    let failed = 0;
    const sender = async () => {
      while (next < count) {
        const i = next++;
        try {
          await transport.sendMail({ ...mail, to: `organisatie-${i + 1}@bench.invalid`, messageId: `<raw-${i}@buurtplein>` });
        } catch {
          failed += 1;
        }
      }
    };
    const { ms, cpuMs, memory } = await measured(() => Promise.all(Array.from({ length: Math.min(concurrency, count) }, sender)));
    transport.close();
    return { ms, cpuMs, memory, sent: count - failed, failed };
  },
});
