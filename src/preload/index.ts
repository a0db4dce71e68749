/**
 * The preload of every DispatchDesk window. Built by electron-vite to CommonJS (`out/preload/index.js`), because a
 * sandboxed preload is loaded with a polyfilled `require` that understands neither ESM nor npm packages: keep its
 * imports to `electron`, type-only imports, and zod-free modules of `src/shared` (see `methodList.ts`).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';
import { decodeMethodList } from './methodList';

contextBridge.exposeInMainWorld('dd', createBridge(ipcRenderer, decodeMethodList(process.argv)));
