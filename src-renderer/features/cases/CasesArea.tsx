import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n/I18n';
import { OkNote } from '../../app/ui/Notes';
import { TabPanel, Tabs } from '../../app/ui/Tabs';
import { useShell } from '../../app/shell-context';
import { caseRequest, casesPlace, useCaseRequest } from './caseRequest';
import { DayTab } from './DayTab';
import { DecorationTab } from './DecorationTab';
import { MoveInTab } from './MoveInTab';
import type { PickedRoom } from './RoomPick';
import './cases.css';

type Tab = 'movein' | 'decoration' | 'day';

/** 交房装修 (Alt+D): the move-in checklist of a room, the decoration cases, the day's handovers. */
export function CasesArea() {
  const { t } = useI18n();
  const { operator } = useShell();
  const req = useCaseRequest();
  const [remembered] = useState(() => casesPlace.get(operator.id));
  const [tab, setTab] = useState<Tab>(req ? (req.kind === 'decoration' ? 'decoration' : 'movein') : (remembered?.tab ?? 'movein'));
  const [initial, setInitial] = useState<PickedRoom | null>(remembered?.room ? { ...remembered.room, state: null } : null);
  const [sent, setSent] = useState<PickedRoom | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // a room sent from another screen (the room file): taken once
  useEffect(() => {
    if (!req) return;
    setTab(req.kind === 'decoration' ? 'decoration' : 'movein');
    setInitial({ roomId: req.roomId, roomCode: req.roomCode, state: null });
    setSent({ roomId: req.roomId, roomCode: req.roomCode, state: null });
    casesPlace.set(operator.id, { tab: req.kind === 'decoration' ? 'decoration' : 'movein', caseId: null });
    caseRequest.set(null);
  }, [req, operator.id]);

  return (
    <section className="screen cases" aria-labelledby="cases-title">
      <div className="screen-head">
        <h1 id="cases-title" tabIndex={-1}>
          {t('area.cases')}
        </h1>
        <Tabs
          idBase="cases"
          label={t('area.cases')}
          tabs={[
            { id: 'movein', label: t('cs.tab.movein') },
            { id: 'decoration', label: t('cs.tab.decoration') },
            { id: 'day', label: t('cs.tab.day') },
          ]}
          value={tab}
          onChange={(x) => {
            setNote(null);
            setTab(x);
            casesPlace.set(operator.id, { tab: x });
          }}
        />
      </div>
      <OkNote text={note} />
      <TabPanel idBase="cases" value={tab}>
        {tab === 'movein' ? <MoveInTab initial={initial} /> : null}
        {tab === 'decoration' ? <DecorationTab initial={sent} remembered={remembered?.caseId ?? null} onNote={setNote} /> : null}
        {tab === 'day' ? <DayTab /> : null}
      </TabPanel>
    </section>
  );
}
