import { useEffect, useState } from 'react';
import type { ReceiptDto } from '../../../../src/shared/contract/finance';
import { ApiError, call, toApiError } from '../../api';
import type { Paper } from './pageStyle';

export interface ReceiptData {
  plantName: string;
  receipt: ReceiptDto;
  paper: Paper;
}

/** A receipt, the plant's name and the receipt paper, loaded with the token from the print URL. */
export function useReceiptData(id: number, token: string | undefined) {
  const [state, setState] = useState<{ data?: ReceiptData; error?: ApiError }>({});

  useEffect(() => {
    let alive = true;
    (async () => {
      if (!Number.isInteger(id) || id <= 0) throw new ApiError({ code: 'NOT_FOUND', message: 'errors.paymentNotFound' }, 'print');
      const [receipt, installation, settings] = await Promise.all([
        call('finance.getReceipt', { id }, { token }),
        call('system.getInstallation', {}, { token }),
        call('settings.list', {}, { token }),
      ]);
      const paper = (settings.find((s) => s.key === 'printing.receiptPaper')?.value ?? 'receipt80') as Paper;
      return { plantName: installation.plantName, receipt, paper };
    })().then(
      (data) => alive && setState({ data }),
      (err: unknown) => alive && setState({ error: toApiError(err, 'print') }),
    );
    return () => {
      alive = false;
    };
  }, [id, token]);

  return state;
}
