import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ParcelView } from '@shared/contract';
import { call } from '../../lib/api';
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

const MODE_KEY = 'lobbydesk.parcels.batch';
/** Scans saved per call in batch mode (main saves each in its own savepoint). */
const BATCH_MAX = 50;
const RETRY_MS = 2000;
const RELOAD_MS = 1500;

/**
 * 入库. The scan field owns the focus; every scan goes into the queue (a FIFO, shown as a count) and is
 * taken off only after main has answered for it, so nothing is lost while a save is in flight and the
 * request id (one per scan) means a retry never saves twice.
 * One by one: each scan opens the form (carrier, recipient, slot), F9 saves and shows the pickup code.
 * 连续扫描 (batch): scans are saved straight away without details; fix them later from 今日入库.
 */
export function IntakeScreen({ active, printSlip }: { active: boolean; printSlip: boolean }) {
  const t = useT();
  const store = useIntakeStore();
  const [batch, setBatch] = useState(() => localStorage.getItem(MODE_KEY) === '1');
  const [today, setToday] = useState<ParcelView[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<ParcelView | null>(null);
  const [savedTick, setSavedTick] = useState(0);
  const [retryTick, setRetryTick] = useState(0);
  const [inFlight, setInFlight] = useState(0);
  const [drained, setDrained] = useState(0);
  const scanRef = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  const current = store.current;
  const version = store.getVersion();

  // never in the middle of a scan: its keys would be spread over two fields
  const focusScan = useCallback(() => {
    afterBurst(() => {
      if (!document.querySelector('dialog[open]')) scanRef.current?.focus();
    });
  }, []);

  useEffect(() => {
    localStorage.setItem(MODE_KEY, batch ? '1' : '0');
  }, [batch]);

  // the scan field has the focus whenever there is no form to fill in
  useEffect(() => {
    if (active && (batch || !current)) focusScan();
  }, [active, batch, current, focusScan]);

  const loadToday = useCallback(async () => {
    try {
      setToday(await call('parcels.search', { date: todayLocal(), limit: 200 }));
      setListError(null);
    } catch (e) {
      setListError(e);
    }
  }, []);
  // at most one reload of the day's list per RELOAD_MS while scans keep coming (the list is long on 双11)
  const lastLoad = useRef(0);
  useEffect(() => {
    const wait = lastLoad.current + RELOAD_MS - Date.now();
    const timer = window.setTimeout(
      () => {
        lastLoad.current = Date.now();
        void loadToday();
      },
      Math.max(0, wait),
    );
    return () => window.clearTimeout(timer);
  }, [loadToday, savedTick]);

  // one by one: the next scan becomes the form's
  useEffect(() => {
    if (!active || batch || current || store.size === 0) return;
    store.takeCurrent();
  }, [active, batch, current, store, version]);

  // batch: save what is queued, oldest first, BATCH_MAX at a time; on failure keep it and retry
  useEffect(() => {
    if (!active || !batch || busy.current || store.size === 0) return;
    busy.current = true;
    const items = store.peek(BATCH_MAX);
    // a "code" main would refuse as input (over 64 characters) cannot be saved: report it, never resend it
    const bad = items.filter((s) => s.code.length > 64);
    for (const s of bad) store.note(s.id, { state: 'error', message: t('intake.tooLong') });
    const good = items.filter((s) => s.code.length <= 64);
    setInFlight(good.length);
    const run = good.length ? call('parcels.intakeBatch', { items: good.map((s) => ({ waybill: s.code, requestId: s.id })), print: printSlip }) : Promise.resolve([]);
    run
      .then((results) => {
        let last: ParcelView | null = null;
        results.forEach((r, i) => {
          const s = good[i];
          if (!s) return;
          if (r.ok && r.parcel) {
            last = r.parcel;
            store.note(s.id, { state: 'saved', parcel: r.parcel, message: r.parcel.carrier === 'UNKNOWN' ? t('intake.carrierLater') : null });
          } else store.note(s.id, { state: r.error?.code === 'CONFLICT' ? 'duplicate' : 'error', message: r.error?.message ?? null });
        });
        store.done(items.map((s) => s.id));
        if (last) store.saved(last);
        setSaveError(null);
        setSavedTick((n) => n + 1);
        // the next round starts once this one is marked finished (below), hence the tick after it
        window.setTimeout(() => setDrained((n) => n + 1), 0);
      })
      .catch((e: unknown) => {
        setSaveError(e);
        window.setTimeout(() => setRetryTick((n) => n + 1), RETRY_MS);
      })
      .finally(() => {
        busy.current = false;
        setInFlight(0);
      });
  }, [active, batch, store, version, retryTick, drained, printSlip, t]);

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
      setSavedTick((n) => n + 1);
    } else if (o.kind === 'discarded') {
      store.note(s.id, { state: 'discarded' });
      setNotice(null);
    } else {
      store.note(s.id, { state: o.kind, message: o.message });
      setNotice(o.message);
    }
    store.finishCurrent();
  };

  useKeys(active, { F6: () => setBatch((b) => !b) });

  // the day's table only re-renders when the list changes, not on every scan that enters the queue
  const todayTable = useMemo(
    () =>
      today && today.length > 0 ? (
        <ParcelTable
          rows={today}
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
    [today, t],
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
            {inFlight > 0 ? <span className="hint">{t('intake.saving', { n: inFlight })}</span> : null}
            <label className="check">
              <input type="checkbox" name="batch" checked={batch} onChange={(e) => setBatch(e.target.checked)} />
              {t('intake.batch')} <kbd>F6</kbd>
            </label>
          </div>
        </div>
        <ErrorBox error={saveError} />
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
          {t('intake.today', { n: today?.length ?? 0 })}
        </h2>
        <ErrorBox error={listError} />
        {today && today.length === 0 ? <p className="hint">{t('intake.todayNone')}</p> : null}
        {todayTable}
      </section>
      {editing ? (
        <EditDialog
          parcel={editing}
          onCancel={() => setEditing(null)}
          onSaved={(p) => {
            setEditing(null);
            if (store.lastSaved?.id === p.id) store.saved(p);
            setSavedTick((n) => n + 1);
          }}
        />
      ) : null}
    </div>
  );
}
