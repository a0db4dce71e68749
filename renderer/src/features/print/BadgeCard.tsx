import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../../src/shared/dto';
import type { Paper } from './pageStyle';
import './staffBoard.css';

interface Props {
  plantName: string;
  staff: StaffDto;
  qrDataUrl: string;
  /** The staff photo as a data URL, when one was uploaded. */
  photoUrl?: string | null;
  paper: Paper;
}

/**
 * The 挂牌上岗 card: plant, the person's name in large type, post, role, badge and staff numbers, and a QR code
 * of the staff number, with the person's photo when one was uploaded (a card never carries an empty photo frame).
 */
export function BadgeCard({ plantName, staff, qrDataUrl, photoUrl, paper }: Props) {
  const { t } = useTranslation();
  const role = t(`roles.${staff.role}`);
  return (
    <article className={`dd-badge dd-badge--${paper}`} data-testid="badge-card">
      <header className="dd-badge__head">
        {plantName && <div className="dd-badge__plant">{plantName}</div>}
        <div className="dd-badge__title">{t('badge.title')}</div>
      </header>
      {photoUrl && <img className="dd-badge__photo" src={photoUrl} alt={t('badge.photoAlt')} data-testid="badge-photo" />}
      <div className="dd-badge__name" data-testid="badge-name">
        {staff.name}
      </div>
      <div className="dd-badge__post">{staff.post || role}</div>
      <dl className="dd-badge__facts">
        {staff.post && staff.post !== role && (
          <>
            <dt>{t('badge.role')}</dt>
            <dd>{role}</dd>
          </>
        )}
        {staff.badgeNo && (
          <>
            <dt>{t('badge.badgeNo')}</dt>
            <dd data-testid="badge-badgeno">{staff.badgeNo}</dd>
          </>
        )}
        <dt>{t('badge.staffNo')}</dt>
        <dd data-testid="badge-staffno">{staff.staffNo}</dd>
      </dl>
      <img className="dd-badge__qr" src={qrDataUrl} alt={t('badge.qrAlt')} data-testid="badge-qr" />
    </article>
  );
}
