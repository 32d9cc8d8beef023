import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveDialogOptions } from '../../../electron/main/save-dialog.js';

describe('native save dialog for a download', () => {
  it('proposes the page\'s file name in Downloads, filtered by its type', () => {
    expect(saveDialogOptions('definitions-rabbit@host-2026-11-22.json', '/home/me/Downloads')).toEqual({
      title: 'Save definitions-rabbit@host-2026-11-22.json',
      defaultPath: path.join('/home/me/Downloads', 'definitions-rabbit@host-2026-11-22.json'),
      filters: [
        { name: 'JSON (definitions, messages)', extensions: ['json'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    expect(saveDialogOptions('ready.CSV', '/d').filters[0]).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(saveDialogOptions('dump.bin', '/d').filters).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });

  it('keeps a proposed name inside Downloads, whatever path it carries', () => {
    expect(saveDialogOptions('../../.bashrc', '/home/me/Downloads').defaultPath).toBe(path.join('/home/me/Downloads', '.bashrc'));
    expect(saveDialogOptions('..\\..\\evil.json', '/home/me/Downloads').defaultPath).toBe(path.join('/home/me/Downloads', 'evil.json'));
    expect(saveDialogOptions('', '/d').defaultPath).toBe(path.join('/d', 'warren-export'));
  });
});
