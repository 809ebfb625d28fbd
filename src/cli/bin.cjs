#!/usr/bin/env node
// The `lumive` command. tsx runs the TypeScript sources directly, so the command works right after
// `npm ci` with no build step.
require('tsx/cjs');
const { main } = require('./main.ts');

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`lumive: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
