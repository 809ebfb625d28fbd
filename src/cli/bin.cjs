#!/usr/bin/env node
// The `lumive` command. tsx runs the TypeScript sources directly, so the command works right after
// `npm ci` with no build step.
//
// Output that cannot be written is a message, not a crash: a reader that stops early (`lumive inspect
// … | head`) ends the command quietly; a full disk or another failure writing standard output (`lumive
// inspect … --json > report.json`) says so in one line and exits 1. An unexpected error prints its
// message; LUMIVE_DEBUG=1 adds the stack trace for a bug report.
require('tsx/cjs');
const { main } = require('./main.ts');
const { systemReason } = require('./terminal.ts');

const debug = process.env.LUMIVE_DEBUG === '1';

process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    process.stderr.write(`lumive: cannot write the output: ${systemReason(error)}\n`);
  } finally {
    process.exit(1);
  }
});
// Standard error is where messages go: when it fails too there is no one left to tell.
process.stderr.on('error', () => process.exit(process.exitCode ?? 1));

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      debug && error instanceof Error && error.stack
        ? `lumive: ${error.stack}\n`
        : `lumive: unexpected error: ${message.split('\n')[0].replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}\n` +
            '(run again with LUMIVE_DEBUG=1 for the details to report)\n',
    );
    process.exitCode = 1;
  },
);
