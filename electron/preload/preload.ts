import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';
import { createDesktopBridge } from './desktop-bridge.js';

// Built into one CommonJS file (electron/preload/vite.config.ts): a sandboxed
// preload can require nothing but 'electron'.
contextBridge.exposeInMainWorld('warren', createBridge(ipcRenderer));
contextBridge.exposeInMainWorld('warrenDesktop', createDesktopBridge(ipcRenderer));
