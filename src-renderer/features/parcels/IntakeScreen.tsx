import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ParcelView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { todayLocal } from '../../lib/money';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useKeys } from '../../app/useKeys';
import { EditDialog } from './EditDialog';
import { IntakeForm, type IntakeOutcome } from './IntakeForm';
import { intakeStore, useIntakeStore } from './intakeStore';
import { LastSaved } from './LastSaved';
import { ParcelTable } from './ParcelTable';
import { ScanLog } from './ScanLog';
import { afterBurst, SCAN_FIELD_ATTR } from './useWedge';

/** While scans keep coming, the day's list is read again at most this often (it is long on 双11). */
const RELOAD_MS = 1500;

/**
 * 入库. The scan field owns the focus; every scan goes into the queue (a FIFO, shown as a count) and is
 * taken off only after main has answered for it, so nothing is lost while a save is in flight and the
 * request id (one per scan) means a retry never saves twice. The queue drains itself while this screen is
 * on screen (intakeStore); the screen shows it.
 * One by one: each scan opens the form (carrier, recipient, slot), F9 saves and shows the pickup code.
 * 连续扫描 (batch): scans are saved straight away without details; fix them later from 今日入库.
 */
export function IntakeScreen({ active, printSlip }: { active: boolean; printSlip: boolean }) {
  const t = useT();
  const store = useIntakeStore();
  const send = useSend();
  const batch = store.batch;
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<ParcelView | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const today = useCall('parcels.search', { date: todayLocal(), limit: 200 });
  const { refetch: reloadToday } = today;

  const current = store.current;

  // never in the middle of a scan: its keys would be spread over two fields
  const focusScan = useCallback(() => {
    afterBurst(() => {
      if (!document.querySelector('dialog[open]')) scanRef.current?.focus();
    });
  }, []);

  // the scan field has the focus whenever there is no form to fill in
  useEffect(() => {
    if (active && (batch || !current)) focusScan();
  }, [active, batch, current, focusScan]);

  // on screen and active: the store drains the queue
  useEffect(() => {
    if (!active) return;
    return intakeStore.attach({ save: (input) => send('parcels.intakeBatch', input), printSlip });
  }, [active, printSlip, send]);

  // at most one reload of the day's list per RELOAD_MS while scans keep coming
  const lastLoad = useRef(Date.now());
  useEffect(() => {
    if (store.changes === 0) return;
    const timer = window.setTimeout(
      () => {
        lastLoad.current = Date.now();
        void reloadToday();
      },
      Math.max(0, lastLoad.current + RELOAD_MS - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [store.changes, reloadToday]);

  const onScanFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const code = e.currentTarget.value.trim();
    e.currentTarget.value = '';
    if (code) intakeStore.push(code, 'typed');
  };

  const onDone = (o: IntakeOutcome) => {
    const s = store.current;
    if (!s) return;
    if (o.kind === 'saved') {
      store.note(s.id, { state: 'saved', parcel: o.parcel });
      store.saved(o.parcel);
      setNotice(null);
      store.listChanged();
    } else if (o.kind === 'discarded') {
      store.note(s.id, { state: 'discarded' });
      setNotice(null);
    } else {
      store.note(s.id, { state: o.kind, message: o.message });
      setNotice(o.message);
    }
    store.finishCurrent();
  };

  useKeys(active, { F6: () => intakeStore.setBatch(!intakeStore.batch) });

  // the day's table only re-renders when the list changes, not on every scan that enters the queue
  const rows = today.data;
  const todayTable = useMemo(
    () =>
      rows && rows.length > 0 ? (
        <ParcelTable
          rows={rows}
          label={t('intake.todayLabel')}
          testId="today-table"
          showStatus
          timeOnly
          actions={(p) =>
            p.status === 'in_stock' ? (
              <button type="button" className="btn small" onClick={() => setEditing(p)}>
                {p.needsDetails || p.carrier === 'UNKNOWN' ? t('intake.fix') : t('intake.edit')}
              </button>
            ) : null
          }
        />
      ) : null,
    [rows, t],
  );

  const waiting = store.size;
  return (
    <div className="intake">
      <div className="intake-left">
        <div className="card scan-bar">
          <label className="field scan-field">
            <span className="field-label">{t('intake.scanLabel')}</span>
            <input
              ref={scanRef}
              {...{ [SCAN_FIELD_ATTR]: '' }}
              className="search-input scan-input"
              name="scan"
              autoComplete="off"
              spellCheck={false}
              maxLength={80}
              placeholder={t('intake.scanPlaceholder')}
              onKeyDown={onScanFieldKey}
            />
          </label>
          <div className="scan-side">
            <span className={`queue-count${waiting > 0 ? ' busy' : ''}`} data-testid="queue-count" aria-live="polite">
              {t('intake.queue', { n: waiting })}
            </span>
            {store.inFlight > 0 ? <span className="hint">{t('intake.saving', { n: store.inFlight })}</span> : null}
            <label className="check">
              <input type="checkbox" name="batch" checked={batch} onChange={(e) => intakeStore.setBatch(e.target.checked)} />
              {t('intake.batch')} <kbd>F6</kbd>
            </label>
          </div>
        </div>
        <ErrorBox error={store.saveError} />
        {notice ? (
          <p className="error-box" role="alert" data-testid="intake-notice">
            {notice}
          </p>
        ) : null}
        {batch ? (
          <p className="info-box">{t('intake.batchHint')}</p>
        ) : current ? (
          <IntakeForm key={current.id} scan={current} active={active} printSlip={printSlip} onDone={onDone} />
        ) : (
          <p className="info-box">{t('intake.idle')}</p>
        )}
      </div>
      <div className="intake-right">
        {store.lastSaved ? <LastSaved parcel={store.lastSaved} onChange={(p) => store.saved(p)} /> : null}
        <section className="card" aria-labelledby="scan-log-title">
          <h2 id="scan-log-title" className="card-head">
            {t('scanlog.title')}
          </h2>
          <ScanLog entries={store.entries()} />
        </section>
      </div>
      <section className="today intake-wide" aria-labelledby="today-title">
        <h2 id="today-title" className="section-title">
          {t('intake.today', { n: rows?.length ?? 0 })}
        </h2>
        <ErrorBox error={today.error} />
        {rows && rows.length === 0 ? <p className="hint">{t('intake.todayNone')}</p> : null}
        {todayTable}
      </section>
      {editing ? (
        <EditDialog
          parcel={editing}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            if (store.lastSaved?.id === p.id) store.saved(p);
          }}
        />
      ) : null}
    </div>
  );
}
