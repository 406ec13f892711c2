import { useEffect, useState } from 'react';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { useAction } from '../../app/useAction';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { download } from '../../lib/download';
import { moneyText } from '../../lib/money';
import { useCall, useFetch, useSend } from '../../lib/query';
import { roleAtLeast } from '../../lib/roles';
import type { RoomRef } from './labels';
import { NoticePages } from './NoticePages';
import { NoticeSettingsForm } from './NoticeSettingsForm';
import { RoomChoice } from './RoomChoice';

type Scope = 'room' | 'building';
type Kind = 'payment' | 'reminder';

/**
 * 通知单: for one room or every owing room of a building, a 交费通知单 or 催缴通知单; numbered and logged by the
 * core. Then: the slips on the receipt printer (as issued, or again), the A4 pages (PDF in the desktop app,
 * the print dialog in a browser), one XLSX for mail merge.
 */
export function NoticesTab({ room, onRoom }: { room: RoomRef | null; onRoom: (r: RoomRef | null) => void }) {
  const { t } = useI18n();
  const { operator } = useShell();
  const [scope, setScope] = useState<Scope>(room ? 'room' : 'building');
  const [buildingId, setBuildingId] = useState(0);
  const [kind, setKind] = useState<Kind>('payment');
  const printer = useCall('printer.settings.get', {}).data;
  const hasPrinter = !!printer && printer.config.kind !== 'none';
  const [slip, setSlip] = useState(true);
  const buildings = useCall('roster.buildings.list', {}).data ?? [];
  const [issued, setIssued] = useState<{ ids: number[]; text: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const action = useAction();
  const after = useAction();
  const send = useSend();
  const fetchRead = useFetch();

  useEffect(() => {
    if (!buildingId && buildings[0]) setBuildingId(buildings[0].id);
  }, [buildings, buildingId]);

  const issue = () =>
    void action.start({
      check: () => (scope === 'room' && !room ? t('arr.pickRoom') : null),
      run: async () => {
        setIssued(null);
        setNote(null);
        const print = hasPrinter && slip;
        const r = await send('receivables.notices.issue', {
          ...(scope === 'room' && room ? { roomId: room.roomId } : { buildingId }),
          kind,
          print,
        });
        const list = await fetchRead('receivables.notices.get', { ids: r.ids });
        const from = list[0]?.noticeNo ?? '';
        const to = list[list.length - 1]?.noticeNo ?? '';
        setIssued({
          ids: r.ids,
          text: t('arr.issued', { n: r.ids.length, from, to, amount: moneyText(r.owedFen) }) + (r.printed ? ` ${t('arr.printedSlips')}` : ''),
        });
      },
    });

  const a4 = () =>
    void after.start({
      run: async () => {
        setNote(null);
        const x = await send('reports.pdf', { title: t('arr.tab.notices') });
        if (x.supported) download(x.fileName, x.data, 'application/pdf');
        else {
          setNote(t('arr.pdfInBrowser'));
          window.setTimeout(() => window.print(), 0);
        }
      },
    });

  return (
    <div className="arr-notices">
      <div className="card arr-form">
        <div className="arr-form-row arr-choices">
          <fieldset className="fieldset seg-group">
            <legend className="field-label">{t('arr.scope')}</legend>
            {(['room', 'building'] as const).map((s) => (
              <label key={s} className="seg">
                <input type="radio" name="arr-scope" checked={scope === s} onChange={() => setScope(s)} />
                <span>{t(s === 'room' ? 'arr.forRoom' : 'arr.forBuilding')}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="fieldset seg-group">
            <legend className="field-label">{t('arr.kind')}</legend>
            {(['payment', 'reminder'] as const).map((k) => (
              <label key={k} className="seg">
                <input type="radio" name="arr-kind" checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(k === 'payment' ? 'arr.kind.payment' : 'arr.kind.reminder')}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <div className="arr-form-row">
          {scope === 'room' ? (
            <RoomChoice room={room} onRoom={onRoom} />
          ) : (
            <label className="field">
              <span className="field-label">{t('arr.building')}</span>
              <select name="arr-notice-building" value={buildingId} onChange={(e) => setBuildingId(Number(e.target.value))}>
                {buildings.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {hasPrinter ? (
            <label className="check">
              <input type="checkbox" name="arr-slip" checked={slip} onChange={(e) => setSlip(e.target.checked)} />
              <span>{t('arr.printSlip')}</span>
            </label>
          ) : null}
          <div className="field field-button">
            <button type="button" className="btn primary" disabled={action.busy} onClick={issue}>
              {t('arr.issue')}
            </button>
          </div>
        </div>
        <ErrorBox error={action.error} />
        <ErrorNote text={action.checkError} />
      </div>
      {issued ? (
        <div className="arr-issued">
          <OkNote text={issued.text} />
          <div className="arr-issued-actions">
            <button type="button" className="btn" disabled={after.busy} onClick={a4}>
              {t('arr.a4')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={after.busy}
              onClick={() =>
                void after.start({
                  run: async () => {
                    const x = await send('receivables.notices.export', { ids: issued.ids });
                    download(x.fileName, x.data);
                  },
                })
              }
            >
              {t('arr.mailMerge')}
            </button>
            {hasPrinter ? (
              <button
                type="button"
                className="btn"
                disabled={after.busy}
                onClick={() => void after.start({ run: () => send('receivables.notices.print', { ids: issued.ids }) })}
              >
                {t('arr.reprint')}
              </button>
            ) : null}
          </div>
          <ErrorBox error={after.error} />
          {note ? <p className="info-box">{note}</p> : null}
          <NoticePages ids={issued.ids} />
        </div>
      ) : null}
      {roleAtLeast(operator.role, 'supervisor') && !issued ? <NoticeSettingsForm /> : null}
    </div>
  );
}
