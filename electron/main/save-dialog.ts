import path from 'node:path';

export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}

const KINDS: Record<string, string> = {
  json: 'JSON (definitions, messages)',
  csv: 'CSV',
  png: 'PNG image',
  svg: 'SVG image',
  txt: 'Text',
};

/**
 * The native save dialog for a file the renderer saves (a download of data
 * it made): the name it proposed, in the user's Downloads folder, filtered by
 * its type. Web mode gets the browser's download instead.
 */
export function saveDialogOptions(fileName: string, downloadsDir: string): SaveDialogOptions {
  const safeName = path.basename(fileName.replace(/\\/g, '/')) || 'warren-export';
  const ext = path.extname(safeName).slice(1).toLowerCase();
  const kind = KINDS[ext];
  return {
    title: `Save ${safeName}`,
    defaultPath: path.join(downloadsDir, safeName),
    filters: [...(kind ? [{ name: kind, extensions: [ext] }] : []), { name: 'All files', extensions: ['*'] }],
  };
}
