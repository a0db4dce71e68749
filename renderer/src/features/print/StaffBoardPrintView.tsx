import { useTranslation } from 'react-i18next';
import { SERVICE_POSTS, POST_STATION, type ServicePost } from '../../../../src/shared/posts';
import { HOME_STATION } from '../../../../src/shared/roles';
import { ApiError, call } from '../../api';
import { PrintFrame } from './PrintFrame';
import { printSettings } from './printSettings';
import { usePrintData, type PrintBase } from './usePrintData';
import './staffBoard.css';

/** The print id of a window's board: its post's place in SERVICE_POSTS, from 1 (print views take numeric ids). */
export const boardPrintId = (post: ServicePost) => SERVICE_POSTS.indexOf(post) + 1;

/** The staff who work at a post's station: their role's home station is that window (admins and supervisors are at the office). */
async function loadBoard(id: number, token: string | undefined) {
  const post = SERVICE_POSTS[id - 1];
  if (!post) throw new ApiError({ code: 'NOT_FOUND', message: 'errors.staffBoardNotFound' }, 'print');
  const station = POST_STATION[post];
  const [staff, settings] = await Promise.all([call('staff.list', { includeInactive: false }, { token }), printSettings(token)]);
  const mine = staff.filter((s) => s.active && HOME_STATION[s.role] === station);
  const photos = await Promise.all(mine.map((s) => call('staff.getPhoto', { id: s.id }, { token })));
  return { post, staff: mine.map((s, i) => ({ ...s, photo: photos[i]!.photo })), ...settings };
}

type Data = Awaited<ReturnType<typeof loadBoard>> & PrintBase;

/** `#/print/staffBoard/:n`: 员工信息公示牌 of one window: every active person with photo, name, post and badge, and the phones in large type. */
export function StaffBoardPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('staffBoard', id, token, 'errors.staffBoardNotFound', loadBoard);
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={(d) => [d.plantName, t('staff.board.title'), t(`posts.${d.post}`), t('staff.board.complaintPhone'), t('staff.board.supervisionPhone'), t('staff.board.welcome'), t('staff.board.notSet'), ...d.staff.map((s) => `${s.name}${s.post}${t(`roles.${s.role}`)}`)].join('')}>
      {(data) => <Board data={data} />}
    </PrintFrame>
  );
}

function Board({ data }: { data: Data }) {
  const { t } = useTranslation();
  return (
    <article className="dd-board" data-testid="staff-board-print">
      <div className="dd-board__plant">{data.plantName}</div>
      <div className="dd-board__title">{t('staff.board.title')}</div>
      <div className="dd-board__window">{t(`posts.${data.post}`)}</div>
      <div className="dd-board__staff">
        {data.staff.length === 0 && <p>{t('staff.board.noStaff')}</p>}
        {data.staff.map((s) => (
          <div key={s.id} className="dd-board__person" data-testid="board-person">
            {s.photo ? <img className="dd-board__photo" src={`data:${s.photo.mime};base64,${s.photo.base64}`} alt={t('badge.photoAlt')} /> : <div className="dd-board__nophoto">{t('staff.board.noPhoto')}</div>}
            <div className="dd-board__name">{s.name}</div>
            <div className="dd-board__post">{s.post || t(`roles.${s.role}`)}</div>
            <div className="dd-board__badge">
              {t('staff.board.badgeNo')} {s.badgeNo || s.staffNo}
            </div>
          </div>
        ))}
      </div>
      <div className="dd-board__phones">
        <div>
          <div className="dd-board__phone-label">{t('staff.board.complaintPhone')}</div>
          <div className="dd-board__phone" data-testid="board-complaint-phone">
            {data.complaintPhone || t('staff.board.notSet')}
          </div>
        </div>
        <div>
          <div className="dd-board__phone-label">{t('staff.board.supervisionPhone')}</div>
          <div className="dd-board__phone" data-testid="board-supervision-phone">
            {data.supervisionPhone || t('staff.board.notSet')}
          </div>
        </div>
      </div>
      <div className="dd-board__welcome">{t('staff.board.welcome')}</div>
    </article>
  );
}
