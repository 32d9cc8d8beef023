// `node --import ./register.mjs dist/electron/main/main.js`: the built main
// with 'electron' resolved to the stub next to this file.
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
