import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ParcelView, ResidentHit } from '@shared/contract';
import { useFetch, useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { useKeys } from '../../app/useKeys';
import { ErrorNote, OkNote } from '../../app/ui/Notes';
import { OptionList, SearchCombobox } from '../../app/ui/SearchCombobox';
import { useRosterListbox } from '../roster/useRosterListbox';
import { CHECK_LABEL, CHECKS, lookupKind, maskName, type PickupCheck } from './labels';
import { ParcelTable } from './ParcelTable';

interface Props {
  active: boolean;
  /** a scan read by the scanner while on this tab: look its waybill up */
  scan: { code: string; n: number } | null;
}

/**
 * 出库: find by pickup code (6 digits), by scanning or typing the waybill, or by room (every parcel of the
 * room; choose several = one batch). Then the check record: who collected, how they were checked, a note,
 * and a proxy pickup with the proxy's name. F9 hands them over.
 */
export function PickupScreen({ active, scan }: Props) {
  const t = useT();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ how: string; rows: ParcelView[] } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [collector, setCollector] = useState('');
  const [check, setCheck] = useState<PickupCheck>('code');
  const [checkNote, setCheckNote] = useState('');
  const [proxy, setProxy] = useState(false);
  const [proxyName, setProxyName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const action = useAction();
  const read = useFetch();
  const send = useSend();
  const qRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const kind = lookupKind(q);

  useEffect(() => {
    if (active) qRef.current?.focus();
  }, [active]);

  const show = (how: string, rows: ParcelView[]) => {
    setFound({ how, rows });
    setSelected(new Set(rows.map((r) => r.id)));
    setCheck(how === 'code' ? 'code' : 'id_card');
    setDone(null);
  };

  const lookup = async (text: string, as: 'code' | 'waybill') => {
    setLookupError(null);
    try {
      const rows = as === 'code' ? await read('parcels.byCode', { code: text }) : await read('parcels.byWaybill', { waybill: text.slice(0, 64) });
      show(as, rows);
    } catch (e) {
      setLookupError(e);
    }
  };

  const byRoom = async (h: ResidentHit | undefined) => {
    if (!h) return;
    setLookupError(null);
    try {
      const rows = await read('parcels.byRoom', { roomId: h.roomId });
      setQ(h.roomCode);
      show('room', rows);
    } catch (e) {
      setLookupError(e);
    }
  };

  useEffect(() => {
    if (!scan) return;
    setQ(scan.code);
    void lookup(scan.code, 'waybill');
  }, [scan]);

  // a room: the hits for exactly the text in the box (Enter waits for them); a code or a waybill: that text
  const { items: hits, active: activeHit, onKeyDown: onRoomKey } = useRosterListbox({ q: kind === 'room' ? q : '', max: 8, onEnter: (h) => void byRoom(h) });
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const text = e.currentTarget.value;
    const as = lookupKind(text);
    if (e.key === 'Enter' && as !== 'room') {
      e.preventDefault();
      void lookup(text.trim(), as);
    } else onRoomKey(e);
  };

  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!found || action.busy) return;
    const ids = found.rows.filter((r) => selected.has(r.id)).map((r) => r.id);
    return action.start({
      check: () => {
        if (ids.length === 0) return t('pickup.noneSelected');
        if (proxy && proxyName.trim().length === 0) return t('pickup.needProxyName');
        return null;
      },
      run: async () => {
        const out = await send('parcels.pickup', {
          ids,
          check,
          proxy,
          ...(collector.trim() ? { collector: collector.trim() } : {}),
          ...(checkNote.trim() ? { checkNote: checkNote.trim() } : {}),
          ...(proxy ? { proxyName: proxyName.trim() } : {}),
        });
        setDone(
          t(proxy ? 'pickup.doneProxy' : 'pickup.done', {
            n: out.length,
            codes: out.map((p) => p.pickupCodeSpoken).join('、'),
            name: proxy ? maskName(proxyName.trim()) : '',
          }),
        );
        setFound(null);
        setQ('');
        setCollector('');
        setCheckNote('');
        setProxy(false);
        setProxyName('');
        qRef.current?.focus();
      },
    });
  };

  useKeys(active, { F9: () => void submit() });

  const hit = hits[activeHit];
  return (
    <div className="pickup">
      <div className="card">
        <label className="field">
          <span className="field-label">{t('pickup.lookupLabel')}</span>
          <SearchCombobox
            inputRef={qRef}
            className="search-input pickup-input"
            type="search"
            name="pickup-lookup"
            listId={listId}
            activeKey={hit?.id}
            expanded={hits.length > 0}
            placeholder={t('pickup.lookupPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKey}
          />
        </label>
        <p className="hint">{t('pickup.lookupHint')}</p>
        <OptionList
          id={listId}
          items={hits}
          active={activeHit}
          keyOf={(h) => h.id}
          onPick={(h) => void byRoom(h)}
          label={t('roster.resultsLabel')}
          className="room-results"
          optionClassName={() => 'room-result'}
        >
          {(h) => (
            <>
              <span className="room-code">{h.roomCode}</span>
              <span className="result-name">{maskName(h.name)}</span>
            </>
          )}
        </OptionList>
        <ErrorBox error={lookupError} />
      </div>
      <OkNote text={done} />
      {found && found.rows.length === 0 ? (
        <p className="warn-box" role="alert">
          {t('pickup.notFound', { q: q.trim() })}
        </p>
      ) : null}
      {found && found.rows.length > 0 ? (
        <form className="card form pickup-form" onSubmit={(e) => void submit(e)} aria-label={t('pickup.formLabel')}>
          <div className="pickup-head">
            <h2 className="card-head">{t('pickup.found', { n: found.rows.length })}</h2>
            <div className="pickup-slots" aria-hidden="true">
              {found.rows
                .filter((r) => selected.has(r.id))
                .map((r) => (
                  <span key={r.id} className="slot-chip">
                    {r.slotLabel ?? '—'}
                  </span>
                ))}
            </div>
          </div>
          <ParcelTable rows={found.rows} label={t('pickup.found', { n: found.rows.length })} selected={selected} onToggle={toggle} testId="pickup-table" />
          <div className="grid-3">
            <label className="field">
              <span className="field-label">{t('pickup.collector')}</span>
              <input
                name="collector"
                autoComplete="off"
                maxLength={40}
                value={collector}
                placeholder={t('pickup.collectorDefault')}
                onChange={(e) => setCollector(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('pickup.check')}</span>
              <select name="check" value={check} onChange={(e) => setCheck(e.target.value as PickupCheck)}>
                {CHECKS.map((c) => (
                  <option key={c} value={c}>
                    {t(CHECK_LABEL[c])}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('pickup.checkNote')}</span>
              <input
                name="check-note"
                autoComplete="off"
                maxLength={100}
                placeholder={t('pickup.checkNoteHint')}
                value={checkNote}
                onChange={(e) => setCheckNote(e.target.value)}
              />
            </label>
          </div>
          <div className="pickup-foot">
            <label className="check">
              <input type="checkbox" name="proxy" checked={proxy} onChange={(e) => setProxy(e.target.checked)} />
              {t('pickup.proxy')}
            </label>
            {proxy ? (
              <label className="field">
                <span className="field-label">{t('pickup.proxyName')}</span>
                <input name="proxy-name" autoComplete="off" maxLength={40} value={proxyName} onChange={(e) => setProxyName(e.target.value)} />
              </label>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="btn primary big" disabled={action.busy}>
                {action.busy ? t('common.working') : t('pickup.submit', { n: selected.size })} <kbd>F9</kbd>
              </button>
            </div>
          </div>
          <ErrorNote text={action.checkError} />
          <ErrorBox error={action.error} />
        </form>
      ) : null}
    </div>
  );
}
