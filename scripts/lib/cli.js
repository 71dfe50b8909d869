'use strict';
// What every command-line tool shares: its options parsed with readable errors,
// the same exit codes (0 done, 1 the job failed, 2 a usage error), and one
// spelling of the content types.
const { parseArgs } = require('node:util');

const EXIT = { done: 0, failed: 1, usage: 2 };

/** A mistake in how the command was called: printed with the help text, exit 2. */
class UsageError extends Error {}

/** Node's parseArgs messages, in words a person can act on. */
function friendly(error) {
  const option = /'(-{1,2}[^' ]*)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${option ?? 'an option'} needs a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}`.trim();
    default:
      return error.message;
  }
}

/** parseArgs, with `-h/--help` added; a wrong call becomes a UsageError. */
function parseCli(options, { positionals = false } = {}) {
  try {
    return parseArgs({ allowPositionals: positionals, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(friendly(error));
  }
}

const TYPE_NAMES = {
  organisations: ['organisation', 'organisations', 'organization', 'organizations'],
  activities: ['activity', 'activities'],
  initiatives: ['initiative', 'initiatives'],
};

/** "activity" or "activities" alike: the plural name of the type, or a UsageError naming the ones allowed. */
function contentType(value, allowed) {
  const key = String(value).trim().toLowerCase();
  const found = allowed.find((type) => TYPE_NAMES[type].includes(key));
  if (!found) throw new UsageError(`--type must be ${allowed.join(' or ')}, not "${value}"`);
  return found;
}

/**
 * Runs main() and exits with its code: a UsageError prints the message and
 * the help text (exit 2); any other error one line (exit 1).
 */
function runCli(label, help, main) {
  main().then(
    (code) => process.exit(typeof code === 'number' ? code : EXIT.done),
    (error) => {
      if (error instanceof UsageError) {
        console.error(`[${label}] ${error.message}\n\n${help}`);
        process.exit(EXIT.usage);
      }
      console.error(`[${label}] failed: ${error.message}`);
      process.exit(EXIT.failed);
    }
  );
}

module.exports = { EXIT, UsageError, parseCli, contentType, runCli };
