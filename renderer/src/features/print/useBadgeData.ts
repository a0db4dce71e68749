import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { StaffDto } from '../../../../src/shared/dto';
import { ApiError, call, toApiError } from '../../api';
import type { Paper } from './pageStyle';

export interface BadgeData {
  plantName: string;
  staff: StaffDto;
  qrDataUrl: string;
  paper: Paper;
}

/** Everything a badge card needs, loaded with the token from the print URL (not the window's own session). */
export function useBadgeData(id: number, token: string | undefined) {
  const [state, setState] = useState<{ data?: BadgeData; error?: ApiError }>({});

  useEffect(() => {
    let alive = true;
    (async () => {
      if (!Number.isInteger(id) || id <= 0) throw new ApiError({ code: 'NOT_FOUND', message: 'errors.staffNotFound' }, 'print');
      const [staff, installation, settings] = await Promise.all([
        call('staff.get', { id }, { token }),
        call('system.getInstallation', {}, { token }),
        call('settings.list', {}, { token }),
      ]);
      const paper = (settings.find((s) => s.key === 'printing.badgePaper')?.value ?? 'A5') as Paper;
      // A QR code of the staff number: gate and weighbridge scanners read it to identify the person.
      const qrDataUrl = await QRCode.toDataURL(staff.staffNo, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
      return { plantName: installation.plantName, staff, qrDataUrl, paper };
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
