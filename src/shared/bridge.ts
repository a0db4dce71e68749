import type { RpcResult } from './errors';
import type { TopicMessage, TopicName } from './topics';

/** Documents that have a print view (`#/print/<document>/<id>` in the renderer). Later issues add theirs. */
export const PRINTABLE_DOCUMENTS = ['badge', 'slip', 'statement', 'receipt', 'weighingTicket', 'qualityCertificate', 'conformityCertificate', 'suggestionSummary', 'evaluationSheet', 'complaintCard', 'serviceCard', 'complaintReport', 'staffBoard'] as const;
export type PrintableDocument = (typeof PRINTABLE_DOCUMENTS)[number];

export interface PrintRequest {
  document: PrintableDocument;
  /** The document's id (e.g. a staff id for a badge card). */
  id: string;
  /** The caller's session token: the print view loads its data with it. */
  token: string;
  /** true: print straight to the configured printer; false: show the system print dialog. */
  silent: boolean;
}

export interface PrintOutcome {
  /** Where the PDF copy of the printout was kept. */
  pdfPath: string;
  printed: boolean;
}

/**
 * What the Electron preload exposes as `window.dd`. In a plain browser (headless host) it is absent and the
 * renderer talks HTTP + Server-Sent Events instead, with the same shapes.
 */
export interface DdBridge {
  platform: 'electron';
  call(method: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>>;
  subscribe(topics: TopicName[], token: string | undefined, listener: (message: TopicMessage) => void): () => void;
  print(request: PrintRequest): Promise<RpcResult<PrintOutcome>>;
}

/** IPC channel names, shared by the preload and the ipcMain wiring. Method channels are `dd:call:<method>`. */
export const IPC = {
  callPrefix: 'dd:call:',
  subscribe: 'dd:subscribe',
  unsubscribe: 'dd:unsubscribe',
  topic: 'dd:topic',
  print: 'dd:print',
} as const;
