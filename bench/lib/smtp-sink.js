'use strict';
// The SMTP sink of bench/reminders.js, a process of its own: accepts every mail on
// 127.0.0.1 (no AUTH, no STARTTLS, no reverse DNS), counts messages, bytes and
// connections, the distinct recipients (a mail sent twice shows as more messages than
// recipients) and Message-IDs (a re-sent mail keeps its Message-ID), and throws the
// bodies away. Commands: port, reset, stats.
const path = require('node:path');
const { SMTPServer } = require('smtp-server');
const { serveParent } = require('./common');

// smtp-server waits a fixed 100 ms on every new connection before its greeting (to catch
// spammers that talk too soon), with no option to turn it off. Without a connection pool
// every mail is a new connection, so the sink itself would cap both senders at about
// concurrency / (100 ms + a few ms) and hide what the sender costs. Unless
// SMTP_SINK_GREETING_DELAY=true, greet at once (the same steps, without the timer).
if (process.env.SMTP_SINK_GREETING_DELAY !== 'true') {
  const { SMTPConnection } = require(path.join(path.dirname(require.resolve('smtp-server')), 'smtp-connection.js'));
  if (typeof SMTPConnection?.prototype?.init !== 'function' || typeof SMTPConnection.prototype.connectionReady !== 'function') {
    throw new Error('smtp-server changed: cannot remove its greeting delay (bench/lib/smtp-sink.js)');
  }
  SMTPConnection.prototype.init = function init() {
    this._setListeners(() => this.connectionReady());
  };
}

let stats = { messages: 0, bytes: 0, connections: 0 };
let recipients = new Set();
let messageIds = new Map(); // Message-ID → times received

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onConnect(_session, callback) {
    stats.connections += 1;
    callback();
  },
  onData(stream, session, callback) {
    for (const to of session.envelope.rcptTo) recipients.add(to.address.toLowerCase());
    let bytes = 0;
    let head = '';
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (head.length < 8192) head += chunk.toString('latin1', 0, 8192);
    });
    stream.on('end', () => {
      const messageId = /^message-id:\s*(\S+)/im.exec(head.split(/\r?\n\r?\n/)[0])?.[1];
      if (messageId) messageIds.set(messageId, (messageIds.get(messageId) ?? 0) + 1);
      stats.messages += 1;
      stats.bytes += bytes;
      callback();
    });
  },
});
server.on('error', (error) => console.error(`[smtp-sink] ${error.message}`));

server.listen(0, '127.0.0.1', () => {
  serveParent(
    {
      port: async () => server.server.address().port,
      reset: async () => {
        stats = { messages: 0, bytes: 0, connections: 0 };
        recipients = new Set();
        messageIds = new Map();
      },
      stats: async () => ({
        ...stats,
        recipients: recipients.size,
        messageIds: messageIds.size,
        repeated: Object.fromEntries([...messageIds].filter(([, times]) => times > 1)),
      }),
    },
    () => new Promise((resolve) => server.close(resolve))
  );
});
