import { useState, type FormEvent } from 'react';
import type { RoomState, RoomView } from '@shared/contract/rooms';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { ErrorNote } from '../../app/ui/Notes';
import { useCall, useSend } from '../../lib/query';
import { STATE_LABEL } from './labels';
import { parseRoomFacts, RoomFactsFields, type RoomFactsText } from './RoomFactsFields';

const NEW_STATES: readonly RoomState[] = ['undelivered', 'vacant', 'owner_occupied'];
const CODE = /^[0-9A-Za-z]{1,8}$/;

/** 楼栋与房间 (supervisor): a building, its units and a room, each created (or a building renamed) one at a time. */
export function ManageTab({ onOpenRoom }: { onOpenRoom: (roomId: number) => void }) {
  const t = useT();
  const buildings = useCall('roster.buildings.list', {});
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const list = buildings.data ?? [];
  const chosen = list.find((b) => b.id === buildingId) ?? list[0] ?? null;
  return (
    <div className="rooms-manage">
      <section className="card rooms-manage-col rooms-manage-b" aria-labelledby="rm-buildings">
        <h2 id="rm-buildings" className="section-title">
          {t('rooms.buildings')}
        </h2>
        <ErrorBox error={buildings.error} />
        <label className="field">
          <span className="field-label">{t('rooms.building')}</span>
          <select name="rm-building" value={chosen?.id ?? ''} onChange={(e) => setBuildingId(Number(e.target.value))}>
            {list.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name || b.code} · {t('rooms.roomsCount', { n: b.rooms })}
              </option>
            ))}
          </select>
        </label>
        {chosen ? <RenameBuilding key={chosen.id} id={chosen.id} name={chosen.name} /> : null}
        <NewBuilding onCreated={setBuildingId} />
      </section>
      {chosen ? (
        <UnitsAndRoom key={chosen.id} buildingId={chosen.id} buildingName={chosen.name || chosen.code} onOpenRoom={onOpenRoom} />
      ) : (
        <p className="hint">{t('rooms.noBuildings')}</p>
      )}
    </div>
  );
}

function RenameBuilding({ id, name: initial }: { id: number; name: string }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [name, setName] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (name.trim() ? null : t('rooms.needBuildingName')),
      run: () => send('rooms.buildings.update', { id, name: name.trim() }),
    });
  };
  return (
    <form className="rooms-inline-form" onSubmit={(e) => void submit(e)}>
      <label className="field grow">
        <span className="field-label">{t('rooms.buildingName')}</span>
        <input name="rm-building-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="btn" disabled={action.busy || name.trim() === initial}>
        {t('rooms.rename')}
      </button>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
    </form>
  );
}

function NewBuilding({ onCreated }: { onCreated: (id: number) => void }) {
  const t = useT();
  const send = useSend();
  const action = useAction();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      check: () => (CODE.test(code.trim()) ? null : t('rooms.badCode')),
      run: async () => {
        const b = await send('roster.buildings.create', { code: code.trim() });
        setCode('');
        onCreated(b.id);
      },
    });
  };
  return (
    <form className="rooms-inline-form" onSubmit={(e) => void submit(e)}>
      <label className="field grow">
        <span className="field-label">{t('rooms.newBuildingCode')}</span>
        <input name="rm-new-building" value={code} maxLength={8} onChange={(e) => setCode(e.target.value)} autoComplete="off" placeholder="5" />
      </label>
      <button type="submit" className="btn" disabled={action.busy}>
        {t('rooms.addBuilding')}
      </button>
      <ErrorNote text={action.checkError} />
      <ErrorBox error={action.error} />
    </form>
  );
}

function UnitsAndRoom({ buildingId, buildingName, onOpenRoom }: { buildingId: number; buildingName: string; onOpenRoom: (roomId: number) => void }) {
  const t = useT();
  const send = useSend();
  const units = useCall('rooms.units.list', { buildingId });
  const unitAction = useAction();
  const roomAction = useAction();
  const [unitCode, setUnitCode] = useState('');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [number, setNumber] = useState('');
  const [state, setState] = useState<RoomState>('undelivered');
  const [facts, setFacts] = useState<RoomFactsText>({ floor: '', area: '', type: '' });
  const [created, setCreated] = useState<RoomView | null>(null);
  const list = units.data ?? [];
  const unit = list.find((u) => u.id === unitId) ?? list[0] ?? null;

  const addUnit = (e: FormEvent) => {
    e.preventDefault();
    return unitAction.start({
      check: () => (CODE.test(unitCode.trim()) ? null : t('rooms.badCode')),
      run: async () => {
        const u = await send('rooms.units.create', { buildingId, code: unitCode.trim() });
        setUnitCode('');
        setUnitId(u.id);
      },
    });
  };
  const addRoom = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseRoomFacts(facts);
    return roomAction.start({
      check: () => (!unit ? t('rooms.needUnit') : !CODE.test(number.trim()) ? t('rooms.badCode') : typeof parsed === 'string' ? t(parsed) : null),
      run: async () => {
        if (!unit || typeof parsed === 'string') return;
        const r = await send('rooms.create', { unitId: unit.id, number: number.trim(), state, ...parsed });
        setCreated(r);
        setNumber('');
      },
    });
  };

  return (
    <>
      <section className="card rooms-manage-col rooms-manage-u" aria-labelledby="rm-units">
        <h2 id="rm-units" className="section-title">
          {t('rooms.unitsOf', { b: buildingName })}
        </h2>
        <ErrorBox error={units.error} />
        {list.length === 0 ? <p className="hint">{t('rooms.noUnits')}</p> : null}
        <ul className="plain-list rooms-units">
          {list.map((u) => (
            <li key={u.id}>{t('rooms.unitLine', { u: u.code || '—', n: u.rooms })}</li>
          ))}
        </ul>
        <form className="rooms-inline-form" onSubmit={(e) => void addUnit(e)}>
          <label className="field grow">
            <span className="field-label">{t('rooms.newUnitCode')}</span>
            <input name="rm-new-unit" value={unitCode} maxLength={8} onChange={(e) => setUnitCode(e.target.value)} autoComplete="off" placeholder="2" />
          </label>
          <button type="submit" className="btn" disabled={unitAction.busy}>
            {t('rooms.addUnit')}
          </button>
          <ErrorNote text={unitAction.checkError} />
          <ErrorBox error={unitAction.error} />
        </form>
      </section>
      <section className="card rooms-manage-col rooms-manage-r" aria-labelledby="rm-room">
        <h2 id="rm-room" className="section-title">
          {t('rooms.newRoom')}
        </h2>
        <form className="form" onSubmit={(e) => void addRoom(e)}>
          <div className="grid-2">
            <label className="field">
              <span className="field-label">{t('rooms.unit')}</span>
              <select name="rm-unit" value={unit?.id ?? ''} onChange={(e) => setUnitId(Number(e.target.value))}>
                {list.map((u) => (
                  <option key={u.id} value={u.id}>
                    {t('rooms.unitLine', { u: u.code || '—', n: u.rooms })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('rooms.number')}</span>
              <input name="rm-number" value={number} maxLength={8} onChange={(e) => setNumber(e.target.value)} autoComplete="off" placeholder="1201" />
            </label>
          </div>
          <RoomFactsFields value={facts} onChange={setFacts} />
          <label className="field">
            <span className="field-label">{t('rooms.initialState')}</span>
            <select name="rm-state" value={state} onChange={(e) => setState(e.target.value as RoomState)}>
              {NEW_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(STATE_LABEL[s])}
                </option>
              ))}
            </select>
          </label>
          <ErrorNote text={roomAction.checkError} />
          <ErrorBox error={roomAction.error} />
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={roomAction.busy}>
              {t('rooms.createRoom')}
            </button>
          </div>
          {created ? (
            <p className="ok-box" role="status">
              {t('rooms.created', { code: created.code })}{' '}
              <button type="button" className="btn small" onClick={() => onOpenRoom(created.id)}>
                {t('rooms.openFile')}
              </button>
            </p>
          ) : null}
        </form>
      </section>
    </>
  );
}
