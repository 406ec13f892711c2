import { useState } from 'react';
import type { RoomFile, RoomLink } from '@shared/contract/rooms';
import { AREAS, type AreaId } from '../../app/areas';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { coreText } from '../../app/i18n/core-text';
import type { Lang } from '../../app/i18n/lang';
import type { MsgKey } from '../../app/i18n/dict';
import { useShell } from '../../app/shell-context';
import { useCall } from '../../lib/query';
import { formatDate, formatDateTime } from '../../lib/format';
import { roleAtLeast } from '../../lib/roles';
import { RoomEditDialog, StateDialog } from './RoomDialogs';
import { ResidentsTable, type ResidentAction } from './ResidentsTable';
import { EndDialog, PersonDialog, TenantDialog } from './ResidentDialogs';
import { TransferDialog } from './TransferDialog';
import { EraseDialog } from './EraseDialog';
import { caseRequest } from '../cases/caseRequest';
import { LINE_TITLE, STATE_LABEL } from './labels';

/** The areas the lines of the file link to (the core names them by the area's data: requests are 报修投诉's). */
const AREA_OF: Record<string, string> = { requests: 'service', receivables: 'fees', decoration: 'cases', moveIn: 'cases' };
export function areaFor(name: string): AreaId | null {
  const id = AREA_OF[name] ?? name;
  return AREAS.some((a) => a.id === id) ? (id as AreaId) : null;
}

const MOVE_IN_STATUS: Record<'open' | 'done' | 'cancelled', MsgKey> = {
  open: 'rooms.moveIn.open',
  done: 'rooms.moveIn.done',
  cancelled: 'rooms.moveIn.cancelled',
};
const DOC_LABEL: Record<string, MsgKey> = { 不动产权证: 'rooms.doc.deed', 买卖合同: 'rooms.doc.contract', 身份证: 'rooms.doc.id' };

type Open = { kind: 'edit' } | { kind: 'state' } | { kind: 'add'; as: 'owner' | 'family' } | { kind: 'tenant' } | ResidentAction;

/** One room: the unit, its state, its residents with their dates, and the lines from the other areas, each linking there. */
export function RoomFileView({ roomId }: { roomId: number }) {
  const { t, lang } = useI18n();
  const { operator } = useShell();
  const q = useCall('rooms.file', { roomId });
  const [open, setOpen] = useState<Open | null>(null);
  const f = q.data;
  if (q.error) return <ErrorBox error={q.error} />;
  if (!f) return <p className="hint">{t('common.loading')}</p>;
  const supervisor = roleAtLeast(operator.role, 'supervisor');
  const r = f.room;
  const close = () => setOpen(null);
  return (
    <article className="rooms-file" aria-labelledby="rooms-file-title" data-testid="room-file">
      <header className="rooms-file-head">
        <h2 id="rooms-file-title" className="room-code big">
          {r.code}
        </h2>
        <span className={`tag tag-big rooms-state-${r.state}`} data-testid="room-state">
          {t(STATE_LABEL[r.state])}
        </span>
        {supervisor ? (
          <span className="row-actions">
            <button type="button" className="btn small" onClick={() => setOpen({ kind: 'edit' })}>
              {t('rooms.editRoom')}
            </button>
            <button type="button" className="btn small" onClick={() => setOpen({ kind: 'state' })}>
              {t('rooms.setState')}
            </button>
          </span>
        ) : null}
      </header>
      <dl className="facts rooms-facts">
        <dt>{t('rooms.building')}</dt>
        <dd>{r.buildingName || r.buildingCode}</dd>
        <dt>{t('rooms.unit')}</dt>
        <dd>{r.unitCode || '—'}</dd>
        <dt>{t('rooms.floor')}</dt>
        <dd>{r.floor ?? '—'}</dd>
        <dt>{t('rooms.area')}</dt>
        <dd>{r.areaM2 ? t('detail.areaValue', { m2: r.areaM2 }) : '—'}</dd>
        <dt>{t('rooms.type')}</dt>
        <dd>{r.roomType || '—'}</dd>
      </dl>

      <div className="rooms-section-head">
        <h3 className="section-title">{t('rooms.residents')}</h3>
        <span className="row-actions">
          <button type="button" className="btn small" onClick={() => setOpen({ kind: 'add', as: 'owner' })}>
            {t('rooms.addOwner')}
          </button>
          <button type="button" className="btn small" onClick={() => setOpen({ kind: 'tenant' })}>
            {t('rooms.tenantIn')}
          </button>
          <button type="button" className="btn small" onClick={() => setOpen({ kind: 'add', as: 'family' })}>
            {t('rooms.addFamily')}
          </button>
        </span>
      </div>
      <ResidentsTable residents={f.residents} onAction={setOpen} />

      <Lines file={f} />
      <History file={f} lang={lang} />

      {open?.kind === 'edit' ? <RoomEditDialog room={r} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'state' ? <StateDialog room={r} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'add' ? <PersonDialog roomId={r.id} as={open.as} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'tenant' ? <TenantDialog roomId={r.id} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'editPerson' ? <PersonDialog roomId={r.id} resident={open.resident} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'end' ? <EndDialog room={r} resident={open.resident} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'transfer' ? <TransferDialog resident={open.resident} onDone={close} onCancel={close} /> : null}
      {open?.kind === 'erase' ? <EraseDialog resident={open.resident} onDone={close} onCancel={close} /> : null}
    </article>
  );
}

/** What the other areas hold for the room, each line a link to its area. */
function Lines({ file }: { file: RoomFile }) {
  const { t, lang } = useI18n();
  // the core writes a line in Chinese: each part between its dots in the language on screen (a name or number stays as it is)
  const say = (s: string) =>
    s
      .split(' · ')
      .map((p) => coreText(p, lang))
      .join(' · ');
  const { go } = useShell();
  const sections: { key: string; title: string; area: string; lines: RoomLink[] }[] = [
    { key: 'keys', title: t(LINE_TITLE.keys ?? 'rooms.line.keys'), area: 'keys', lines: file.keys },
    { key: 'cards', title: t(LINE_TITLE.cards ?? 'rooms.line.cards'), area: 'cards', lines: file.cards },
    { key: 'parcels', title: t(LINE_TITLE.parcels ?? 'rooms.line.parcels'), area: 'parcels', lines: file.parcelsInStock },
    { key: 'requests', title: t(LINE_TITLE.requests ?? 'rooms.line.requests'), area: 'requests', lines: file.openRequests },
    ...file.more.map((m, i) => ({ key: `more-${i}`, title: m.title, area: m.area, lines: m.lines })),
  ];
  const mi = file.moveIn;
  const deco = file.decoration;
  return (
    <section className="rooms-lines" aria-label={t('rooms.linesLabel')}>
      {sections.map((s) => {
        const target = areaFor(s.area);
        return (
          <div key={s.key} className="rooms-line-block" data-testid={`room-lines-${s.area}`}>
            <h4 className="rooms-line-title">
              {coreText(s.title, lang)} <span className="muted">{s.lines.length}</span>
            </h4>
            {s.lines.length === 0 ? (
              <p className="hint">{t('rooms.none')}</p>
            ) : (
              <ul className="plain-list">
                {s.lines.slice(0, 6).map((l, i) => (
                  <li key={`${l.refId ?? 'x'}-${i}`}>
                    {target ? (
                      <button type="button" className="rooms-link" onClick={() => go(target)}>
                        <strong>{say(l.label)}</strong> <span className="muted">{say(l.detail)}</span>
                      </button>
                    ) : (
                      <span>
                        <strong>{say(l.label)}</strong> <span className="muted">{say(l.detail)}</span>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <div className="rooms-line-block" data-testid="room-lines-cases">
        <h4 className="rooms-line-title">{t('rooms.line.cases')}</h4>
        {!mi && !deco ? <p className="hint">{t('rooms.none')}</p> : null}
        {mi ? <CaseLine room={file.room} kind="movein" label={t('rooms.moveInCase')} detail={t(MOVE_IN_STATUS[mi.status])} /> : null}
        {deco ? (
          <CaseLine room={file.room} kind="decoration" label={t('rooms.decorationCase')} detail={`${deco.contractor} · ${deco.startDate}–${deco.plannedEnd}`} />
        ) : null}
        <p className="row-actions">
          {!mi || mi.status === 'cancelled' ? <CaseStart room={file.room} kind="movein" label={t('rooms.startMoveIn')} /> : null}
          {!deco ? <CaseStart room={file.room} kind="decoration" label={t('rooms.startDecoration')} /> : null}
        </p>
      </div>
    </section>
  );
}

type CaseKind = 'movein' | 'decoration';

/** Opens 交房装修 at this room's move-in or decoration case (or a new one); null where the area is not there. */
function useOpenCase(room: { id: number; code: string }, kind: CaseKind): (() => void) | null {
  const { go } = useShell();
  const target = areaFor(kind === 'movein' ? 'moveIn' : 'decoration');
  if (!target) return null;
  return () => {
    caseRequest.set({ roomId: room.id, roomCode: room.code, kind });
    go(target);
  };
}

function CaseStart({ room, kind, label }: { room: { id: number; code: string }; kind: CaseKind; label: string }) {
  const open = useOpenCase(room, kind);
  return open ? (
    <button type="button" className="btn small" onClick={open}>
      {label}
    </button>
  ) : null;
}

function CaseLine({ room, kind, label, detail }: { room: { id: number; code: string }; kind: CaseKind; label: string; detail: string }) {
  const open = useOpenCase(room, kind);
  const body = (
    <>
      <strong>{label}</strong> <span className="muted">{detail}</span>
    </>
  );
  return (
    <p className="rooms-case-line">
      {open ? (
        <button type="button" className="rooms-link" onClick={open}>
          {body}
        </button>
      ) : (
        body
      )}
    </p>
  );
}

/** The state changes and 过户 of the room, newest first (in a fold: the file's own figures stay in view). */
function History({ file, lang }: { file: RoomFile; lang: Lang }) {
  const { t } = useI18n();
  return (
    <details className="rooms-history">
      <summary>{t('rooms.history', { n: file.stateHistory.length + file.transfers.length })}</summary>
      <ul className="plain-list">
        {file.stateHistory.map((s, i) => (
          <li key={`s${i}`}>
            {formatDateTime(s.at, lang)} · {s.from ? `${t(STATE_LABEL[s.from])} → ` : ''}
            {t(STATE_LABEL[s.to])} · {coreText(s.reason, lang)}
          </li>
        ))}
        {file.transfers.map((x, i) => (
          <li key={`t${i}`}>
            {formatDate(x.date, lang)} · {t('rooms.transferLine', { from: x.fromName, to: x.toName })} ·{' '}
            {x.docs.map((d) => (DOC_LABEL[d] ? t(DOC_LABEL[d]) : d)).join(' ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
