import type { DdBridge } from '../../../src/shared/bridge';

declare global {
  interface Window {
    /** Present only under Electron (exposed by the preload); absent in a plain browser. */
    dd?: DdBridge;
  }
}

/** The Electron bridge when we run inside the desktop app, otherwise undefined (browser / headless host). */
export function electronBridge(): DdBridge | undefined {
  return typeof window !== 'undefined' ? window.dd : undefined;
}
