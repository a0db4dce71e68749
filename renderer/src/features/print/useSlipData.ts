import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { PlanSlipDto } from '../../../../src/shared/contract/slips';
import { ApiError, call, toApiError } from '../../api';
import type { Paper } from './pageStyle';

export interface SlipData {
  plantName: string;
  slip: PlanSlipDto;
  qrDataUrl: string;
  paper: Paper;
}

/** A plan slip with the plant name, its paper and a QR code of the slip number, read with the print URL's token. */
export function useSlipData(id: number, token: string | undefined) {
  const [state, setState] = useState<{ data?: SlipData; error?: ApiError }>({});

  useEffect(() => {
    let alive = true;
    (async () => {
      if (!Number.isInteger(id) || id <= 0) throw new ApiError({ code: 'NOT_FOUND', message: 'errors.slipNotFound' }, 'print');
      const [slip, installation, settings] = await Promise.all([
        call('sales.getSlip', { id }, { token }),
        call('system.getInstallation', {}, { token }),
        call('settings.list', {}, { token }),
      ]);
      const paper = (settings.find((s) => s.key === 'printing.slipPaper')?.value ?? 'A5') as Paper;
      // The gate and the weighbridge scan this: it carries the slip number only.
      const qrDataUrl = await QRCode.toDataURL(slip.number, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
      return { plantName: installation.plantName, slip, qrDataUrl, paper };
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
