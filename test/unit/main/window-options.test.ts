import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../electron/main/window-options.js';

describe('the window\'s web preferences', () => {
  it('isolate the page, sandbox it and keep Node, webviews, insecure content and experiments out', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });

  it('open the window hidden until painted, where it was, on the theme\'s background', () => {
    const options = mainWindowOptions('/app/preload.cjs', { x: 10, y: 20, width: 1200, height: 800 }, false);
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, minWidth: 900, minHeight: 600, show: false, backgroundColor: '#ffffff' });
    expect(mainWindowOptions('/p', { x: 0, y: 0, width: 1, height: 1 }, true).backgroundColor).toBe('#1b1d23');
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
  });
});
