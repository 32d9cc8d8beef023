import { describe, expect, it, vi } from 'vitest';
import {
  blockNavigation,
  downloadAllowed,
  externalUrlAllowed,
  permissionAllowed,
  permissionCheckHandler,
  permissionRequestHandler,
  trustedSender,
  windowOpenHandler,
} from '../../../electron/main/guards.js';

const INDEX = 'warren-app://app/index.html';

describe('permissions', () => {
  it('grants notifications and clipboard writes to our app only, named by URL or by origin', () => {
    expect(permissionAllowed('notifications', `${INDEX}#/queues`, INDEX)).toBe(true);
    expect(permissionAllowed('notifications', 'warren-app://app', INDEX)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', INDEX, INDEX)).toBe(true);
    for (const other of ['https://evil.example/', 'warren-app://other/index.html', 'warren-app://user@app/index.html', 'file:///opt/Warren/index.html', 'null', '']) {
      expect(permissionAllowed('notifications', other, INDEX), other).toBe(false);
    }
    expect(permissionAllowed('notifications', undefined, INDEX)).toBe(false);
  });

  it('refuses every other permission, even to our document', () => {
    for (const permission of ['media', 'geolocation', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'hid', 'serial', 'usb', 'display-capture', 'idle-detection', 'unknown']) {
      expect(permissionAllowed(permission, INDEX, INDEX)).toBe(false);
    }
  });

  it('the request and check handlers give the same answers', () => {
    const callback = vi.fn();
    permissionRequestHandler(INDEX)({}, 'notifications', callback, { requestingUrl: INDEX });
    permissionRequestHandler(INDEX)({}, 'media', callback, { requestingUrl: INDEX });
    permissionRequestHandler(INDEX)({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[true], [false], [false]]);
    expect(permissionCheckHandler(INDEX)({}, 'notifications', 'file:///', { requestingUrl: INDEX })).toBe(true);
    expect(permissionCheckHandler(INDEX)({}, 'notifications', 'file:///', { requestingUrl: 'file:///etc/passwd' })).toBe(false);
    expect(permissionCheckHandler(INDEX)({}, 'notifications', 'warren-app://app')).toBe(true);
    expect(permissionCheckHandler(INDEX)({}, 'notifications', 'https://evil.example')).toBe(false);
  });
});

describe('external links', () => {
  it('open only https pages of allow-listed hosts, without credentials or odd ports', () => {
    expect(externalUrlAllowed('https://www.rabbitmq.com/docs/dlx')).toBe(true);
    expect(externalUrlAllowed('https://github.com/rabbitmq/rabbitmq-server/issues')).toBe(true);
    for (const url of [
      'http://www.rabbitmq.com/docs',
      'https://evil.example/',
      'https://www.rabbitmq.com.evil.example/',
      'https://user:pass@www.rabbitmq.com/',
      'https://www.rabbitmq.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(externalUrlAllowed(url), url).toBe(false);
    }
  });

  it('window.open never makes a window; an allowed link goes to the browser instead', () => {
    const open = vi.fn();
    const handler = windowOpenHandler(open);
    expect(handler({ url: 'https://www.rabbitmq.com/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open.mock.calls).toEqual([['https://www.rabbitmq.com/docs']]);
  });

  it('navigating away is stopped; an allowed link opens in the browser, a hash change in our page goes through', () => {
    const open = vi.fn();
    const guard = blockNavigation(INDEX, open);
    const attempt = (url: string) => {
      const event = { preventDefault: vi.fn() };
      guard(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(attempt(`${INDEX}#/topology`)).toBe(false);
    expect(attempt('https://www.rabbitmq.com/docs')).toBe(true);
    expect(attempt('https://evil.example/')).toBe(true);
    expect(open.mock.calls).toEqual([['https://www.rabbitmq.com/docs']]);
  });
});

describe('downloads', () => {
  it('are only of data the page made itself', () => {
    expect(downloadAllowed('blob:file:///3f1c7d2e-0000-4000-8000-000000000000')).toBe(true);
    expect(downloadAllowed('data:application/json;base64,e30=')).toBe(true);
    expect(downloadAllowed('https://evil.example/payload.exe')).toBe(false);
    expect(downloadAllowed('file:///etc/passwd')).toBe(false);
  });
});

describe('IPC sender', () => {
  it('is trusted only as our window\'s main frame showing our document', () => {
    const trusted = trustedSender(5, INDEX);
    expect(trusted({ sender: { id: 5 }, senderFrame: { url: `${INDEX}#/queues`, parent: null } })).toBe(true);
    expect(trusted({ sender: { id: 5 }, senderFrame: { url: INDEX, parent: {} } })).toBe(false);
    expect(trusted({ sender: { id: 6 }, senderFrame: { url: INDEX, parent: null } })).toBe(false);
    expect(trusted({ sender: { id: 5 }, senderFrame: null })).toBe(false);
    expect(trusted({ sender: { id: 5 }, senderFrame: { url: 'https://evil.example/', parent: null } })).toBe(false);
  });
});
