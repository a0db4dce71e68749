import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { PrintFrame } from './PrintFrame';
import { SlipCard } from './SlipCard';
import { usePrintData } from './usePrintData';
import './slip.css';

async function loadSlip(id: number, token: string | undefined) {
  const slip = await call('sales.getSlip', { id }, { token });
  // The gate and the weighbridge scan this: it carries the slip number only.
  const qrDataUrl = await QRCode.toDataURL(slip.number, { errorCorrectionLevel: 'M', margin: 1, width: 320 });
  return { slip, qrDataUrl };
}

/** `#/print/slip/:id?token=…`: one plan slip with its QR code. */
export function SlipPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('slip', id, token, 'errors.slipNotFound', loadSlip);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => `${d.plantName}${d.slip.customerName}${d.slip.grade}${t('slipPrint.title')}${t('slipPrint.scan')}`}>
      {(data) => <SlipCard {...data} />}
    </PrintFrame>
  );
}
