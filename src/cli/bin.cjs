#!/usr/bin/env node
// The `lumive` command. It runs the command's bundle (scripts/cli-bundle.cjs: built by `npm ci`),
// rebuilt first when a source file is newer than it, so an edited checkout never runs stale code.
//
// Output that cannot be written is a message, not a crash: a reader that stops early (`lumive inspect
// … | head`) ends the command quietly; a full disk or another failure writing standard output (`lumive
// inspect … --json > report.json`) says so in one line and exits 1. An unexpected error prints its
// message; LUMIVE_DEBUG=1 adds the stack trace for a bug report.
const debug = process.env.LUMIVE_DEBUG === '1';

/** The bundle's exports, built first when missing or older than a source; exits when it cannot be built. */
function load() {
  const bundle = require('../../scripts/cli-bundle.cjs');
  if (!bundle.isFresh()) {
    try {
      bundle.build();
    } catch (error) {
      // esbuild's first error, where it is (a syntax error in an edited file), else the message.
      const first = error && error.errors && error.errors[0];
      const at = first && first.location ? `${first.location.file}:${first.location.line}: ` : '';
      const why = first ? `${at}${first.text}` : String((error && error.message) || error).split('\n')[0];
      if (!require('node:fs').existsSync(bundle.BUNDLE)) {
        process.stderr.write(`lumive: the command cannot be built from its sources: ${why}\n`);
        process.exit(1);
      }
      process.stderr.write(`lumive: running the last build; the changed sources cannot be built: ${why}\n`);
    }
  }
  if (debug) process.setSourceMapsEnabled(true);
  return require(bundle.BUNDLE);
}
const { main, systemReason } = load();

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
