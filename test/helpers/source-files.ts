/** The files under a directory whose names match, as absolute paths (the tests that read the sources). */
import * as fs from 'fs';
import * as path from 'path';

export function filesUnder(dir: string, name: RegExp = /\.tsx?$/): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), name) : name.test(e.name) ? [path.join(dir, e.name)] : []));
}
