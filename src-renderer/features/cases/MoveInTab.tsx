import { useEffect, useState } from 'react';
import type { MoveInCaseView, RoomFile } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { casesPlace } from './caseRequest';
import type { MsgKey } from '../../app/i18n/dict';
import { useAction } from '../../app/useAction';
import { formatDateTime } from '../../lib/format';
import { RoomPick, type PickedRoom } from './RoomPick';
import { DocumentsStep, IdentityStep, MetersStep } from './MoveInSteps';
import { CardsStep, FeesStep, KeysStep } from './MoveInHandover';
import { FinishStep, SlipPanel } from './MoveInFinish';
import { ROOM_STATE } from './labels';

export type StepId = 'identity' | 'documents' | 'meters' | 'keys' | 'cards' | 'fees' | 'finish';
const STEPS: readonly { id: StepId; label: MsgKey }[] = [
  { id: 'identity', label: 'cs.step.identity' },
  { id: 'documents', label: 'cs.step.documents' },
  { id: 'meters', label: 'cs.step.meters' },
  { id: 'keys', label: 'cs.step.keys' },
  { id: 'cards', label: 'cs.step.cards' },
  { id: 'fees', label: 'cs.step.fees' },
  { id: 'finish', label: 'cs.step.finish' },
];

const doneAt = (c: MoveInCaseView, s: StepId): string | null => (s === 'finish' ? c.completedAt : c.steps[s]);

/**
 * 交房: a room (not handed over yet) → the guided checklist. Every step is saved as it is done, so leaving the
 * screen, another operator or a restart finds the case at its step; the first step not done is open.
 */
export function MoveInTab({ initial }: { initial: PickedRoom | null }) {
  const { t } = useI18n();
  const { operator } = useShell();
  const [room, setRoomState] = useState<PickedRoom | null>(initial);
  const setRoom = (r: PickedRoom | null) => {
    setRoomState(r);
    casesPlace.set(operator.id, { room: r ? { roomId: r.roomId, roomCode: r.roomCode } : null });
  };
  useEffect(() => {
    if (initial) setRoomState(initial);
  }, [initial]);
  const fileQ = useCall('rooms.file', { roomId: room?.roomId ?? 1 }, { enabled: room !== null });
  const file = room ? (fileQ.data ?? null) : null;

  return (
    <div className="cs-movein">
      <div className="card cs-room-card">
        <RoomPick value={room} onChange={setRoom} label={t('cs.movein.room')} />
        {file ? <RoomLine file={file} /> : null}
      </div>
      <ErrorBox error={fileQ.error} />
      {room && file ? <MoveInCase key={room.roomId} file={file} /> : null}
      {!room ? <p className="hint">{t('cs.movein.pickHint')}</p> : null}
    </div>
  );
}

function RoomLine({ file }: { file: RoomFile }) {
  const { t } = useI18n();
  const r = file.room;
  return (
    <p className="cs-room-line">
      <span className={`tag cs-state-${r.state}`}>{t(ROOM_STATE[r.state])}</span> <span data-data>{r.buildingName}</span>
      {r.floor !== null ? ` · ${t('cs.floor', { n: r.floor })}` : ''}
      {r.areaM2 ? ` · ${r.areaM2} m²` : ''}
      {r.roomType ? <span data-data>{` · ${r.roomType}`}</span> : null}
    </p>
  );
}

function MoveInCase({ file }: { file: RoomFile }) {
  const { t, lang } = useI18n();
  const send = useSend();
  const action = useAction();
  const roomId = file.room.id;
  const openQ = useCall('rooms.moveIn.get', { roomId });
  const c = openQ.data ?? (file.moveIn?.status === 'done' ? file.moveIn : null);
  const [chosen, setChosen] = useState<StepId | null>(null);

  if (openQ.isPending) return <p>{t('common.loading')}</p>;
  if (!c) {
    if (file.room.state !== 'undelivered') return <p className="info-box">{t('cs.movein.notUndelivered', { state: t(ROOM_STATE[file.room.state]) })}</p>;
    return (
      <div className="card">
        <p>{t('cs.movein.none')}</p>
        <button
          type="button"
          className="btn primary big"
          disabled={action.busy}
          onClick={() => void action.start({ run: () => send('rooms.moveIn.start', { roomId }) })}
        >
          {t('cs.movein.start')}
        </button>
        <ErrorBox error={action.error} />
      </div>
    );
  }

  const current = STEPS.find((s) => doneAt(c, s.id) === null)?.id ?? null;
  const open = c.status === 'done' ? null : (chosen ?? current);
  const done = STEPS.filter((s) => doneAt(c, s.id) !== null).length;
  const stepBody = (s: StepId) => {
    const props = { c, file, onDone: () => setChosen(null) };
    if (s === 'identity') return <IdentityStep {...props} />;
    if (s === 'documents') return <DocumentsStep {...props} />;
    if (s === 'meters') return <MetersStep {...props} />;
    if (s === 'keys') return <KeysStep {...props} />;
    if (s === 'cards') return <CardsStep {...props} />;
    if (s === 'fees') return <FeesStep {...props} />;
    return <FinishStep {...props} />;
  };

  return (
    <div className="cs-checklist-wrap">
      <div className="card cs-checklist" data-testid="movein-checklist">
        <p className="cs-progress" role="status">
          {c.status === 'done'
            ? t('cs.movein.doneAt', { at: formatDateTime(c.completedAt, lang) })
            : t('cs.movein.progress', { done, total: STEPS.length, at: formatDateTime(c.startedAt, lang) })}
        </p>
        <ol className="cs-steps">
          {STEPS.map((s, i) => {
            const at = doneAt(c, s.id);
            const isOpen = open === s.id;
            const canOpen = c.status !== 'done' && at === null;
            return (
              <li key={s.id} className={`cs-step${at ? ' cs-step-done' : ''}${isOpen ? ' cs-step-open' : ''}`}>
                <button
                  type="button"
                  className="cs-step-head"
                  aria-expanded={isOpen}
                  aria-controls={isOpen ? 'cs-step-body' : undefined}
                  disabled={!canOpen}
                  title={at ? `${t('cs.stepDone')} ${formatDateTime(at, lang)}` : undefined}
                  onClick={() => setChosen(s.id)}
                >
                  <span className="cs-step-no" aria-hidden="true">
                    {at ? '✓' : i + 1}
                  </span>
                  <span className="cs-step-name">{t(s.label)}</span>
                  {at ? <span className="sr-only">{t('cs.stepDone')}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
        {open ? (
          <section className="cs-step-body" id="cs-step-body" data-step={open} aria-labelledby="cs-step-title">
            <h2 className="cs-step-title" id="cs-step-title">
              {t(STEPS.find((s) => s.id === open)?.label ?? 'cs.step.identity')}
            </h2>
            {stepBody(open)}
          </section>
        ) : null}
      </div>
      <SlipPanel c={c} />
    </div>
  );
}
