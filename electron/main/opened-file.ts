import { open } from 'node:fs/promises';
import path from 'node:path';
import { MAX_OPENED_FILE_BYTES } from '../../shared/api/desktop.js';

/**
 * A definitions file the user opened with Warren (menu, file association),
 * read for the renderer's import. Refused with the reason when it is not a
 * regular file, is too large to be definitions, or is not UTF-8 text.
 */
export async function readOpenedFile(file: string, maxBytes: number = MAX_OPENED_FILE_BYTES): Promise<{ name: string; text: string }> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new Error(err.code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${err.code ?? err.message})`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`${file} is not a file`);
    if (info.size > maxBytes) throw new Error(`${path.basename(file)} is ${(info.size / 1024 / 1024).toFixed(1)} MiB, more than the ${maxBytes / 1024 / 1024} MiB a definitions file can be`);
    const bytes = await handle.readFile();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`${path.basename(file)} is not UTF-8 text`);
    }
    return { name: path.basename(file), text };
  } finally {
    await handle.close();
  }
}
