import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

// Built into one CommonJS file (electron/preload/vite.config.ts): a sandboxed
// preload can require nothing but 'electron'.
contextBridge.exposeInMainWorld('warren', createBridge(ipcRenderer));
