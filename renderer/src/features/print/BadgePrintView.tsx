import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { BadgeCard } from './BadgeCard';
import { PrintFrame } from './PrintFrame';
import { usePrintData } from './usePrintData';

async function loadBadge(id: number, token: string | undefined) {
  const [staff, { photo }] = await Promise.all([call('staff.get', { id }, { token }), call('staff.getPhoto', { id }, { token })]);
  // A QR code of the staff number: gate and weighbridge scanners read it to identify the person.
  const qrDataUrl = await QRCode.toDataURL(staff.staffNo, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  return { staff, qrDataUrl, photoUrl: photo ? `data:${photo.mime};base64,${photo.base64}` : null };
}

/** `#/print/badge/:id?token=…`: one badge card (挂牌上岗). */
export function BadgePrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('badge', id, token, 'errors.staffNotFound', loadBadge);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => `${d.plantName}${d.staff.name}${d.staff.post}${t('badge.title')}`}>
      {(data) => <BadgeCard {...data} />}
    </PrintFrame>
  );
}
