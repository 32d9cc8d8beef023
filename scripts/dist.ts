import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { explainDistFailure } from './packaging/explain-failure.js';

/**
 * `npm run dist [-- electron-builder options]`: builds Warren, then packages it
 * for the current platform with build/electron-builder.json (dist/release/).
 * electron-builder's output is shown as it comes; if it fails for want of
 * network, one last line says so plainly.
 */
const root = path.resolve(import.meta.dirname, '..');
const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const builder = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const child = spawn(builder, ['--config', 'build/electron-builder.json', '--publish', 'never', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], shell: process.platform === 'win32' });
let output = '';
for (const [stream, sink] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
] as const) {
  stream.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    sink.write(chunk);
  });
}
child.on('close', (code) => {
  if (code !== 0) {
    const explanation = explainDistFailure(output, electronVersion);
    if (explanation) console.error(`\n${explanation}`);
  }
  process.exit(code ?? 1);
});
