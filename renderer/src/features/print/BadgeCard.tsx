import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../../src/shared/dto';
import type { Paper } from './pageStyle';

interface Props {
  plantName: string;
  staff: StaffDto;
  qrDataUrl: string;
  paper: Paper;
}

/**
 * The 挂牌上岗 card: plant, the person's name in large type, post, role, badge and staff numbers, and a QR code
 * of the staff number. No photo and no supervision phone: the system has neither yet, and a card must not carry blanks.
 */
export function BadgeCard({ plantName, staff, qrDataUrl, paper }: Props) {
  const { t } = useTranslation();
  const role = t(`roles.${staff.role}`);
  return (
    <article className={`dd-badge dd-badge--${paper}`} data-testid="badge-card">
      <header className="dd-badge__head">
        {plantName && <div className="dd-badge__plant">{plantName}</div>}
        <div className="dd-badge__title">{t('badge.title')}</div>
      </header>
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
