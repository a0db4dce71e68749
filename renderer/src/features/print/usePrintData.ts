import { useEffect, useState } from 'react';
import type { PrintableDocument } from '../../../../src/shared/bridge';
import { PAPER_SETTING } from '../../../../src/shared/paper';
import { SETTINGS } from '../../../../src/shared/settings';
import { ApiError, call, toApiError } from '../../api';
import type { Paper } from './pageStyle';

/** What every printed document carries besides its own data. */
export interface PrintBase {
  plantName: string;
  paper: Paper;
}

export interface PrintState<T> {
  data?: T & PrintBase;
  error?: ApiError;
}

/**
 * Loads one document for its print view with the token from the print URL (not the window's own session), together
 * with the plant name and the document's paper setting. `load` must be a stable (module-level) function.
 */
export function usePrintData<T>(
  document: PrintableDocument,
  id: number,
  token: string | undefined,
  notFoundKey: string,
  load: (id: number, token: string | undefined) => Promise<T>,
): PrintState<T> {
  const [state, setState] = useState<PrintState<T>>({});

  useEffect(() => {
    let alive = true;
    (async () => {
      if (!Number.isInteger(id) || id <= 0) throw new ApiError({ code: 'NOT_FOUND', message: notFoundKey }, 'print');
      const paperKey = PAPER_SETTING[document];
      const [own, installation, settings] = await Promise.all([load(id, token), call('system.getInstallation', {}, { token }), call('settings.list', {}, { token })]);
      const paper = (settings.find((s) => s.key === paperKey)?.value ?? SETTINGS[paperKey].default) as Paper;
      return { ...own, plantName: installation.plantName, paper };
    })().then(
      (data) => alive && setState({ data }),
      (err: unknown) => alive && setState({ error: toApiError(err, 'print') }),
    );
    return () => {
      alive = false;
    };
  }, [document, id, token, notFoundKey, load]);

  return state;
}
