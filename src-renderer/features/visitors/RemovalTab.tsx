import { useEffect, useRef, useState } from 'react';
import { formatDateTime, propertyToday } from '../../lib/format';
import { useCall } from '../../lib/query';
import { useI18n } from '../../app/i18n/I18n';
import { useKeys } from '../../app/useKeys';
import { REMOVAL_CONSENT, REMOVAL_STATUS } from './labels';
import { ListSection } from './ListSection';
import { PassResult } from './PassResult';
import { RemovalForm, type RemovalIssued } from './RemovalForm';
import { DateInput } from '../../app/ui/DateInput';

/** 搬运证: issue a removal pass (then its slip, reprint, void), and the passes of a day with their state. */
export function RemovalTab() {
  const { t, lang } = useI18n();
  const [issued, setIssued] = useState<RemovalIssued | null>(null);
  const [day, setDay] = useState(propertyToday());
  const list = useCall('visitors.removal.list', { date: day }, { keepPrevious: true });
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (issued) nextRef.current?.focus();
  }, [issued]);
  useKeys(issued !== null, { Escape: () => setIssued(null) });

  const rows = list.data ?? [];
  return (
    <div className="vis-removal">
      {issued ? (
        <PassResult
          passNo={issued.pass.passNo}
          title={t('vis.removal.issued', { room: issued.pass.roomCode })}
          voidPicks={[
            { zh: '信息登记错误', label: t('vis.reason.wrongEntry') },
            { zh: '搬运取消', label: t('vis.removal.reason.cancelled') },
          ]}
          actions={
            <button ref={nextRef} type="button" className="btn primary big" onClick={() => setIssued(null)}>
              {t('vis.removal.another')} <kbd>Esc</kbd>
            </button>
          }
        >
          <p>
            <span className="field-label">{t('vis.removal.items')}</span> {issued.pass.items.map((i) => `${i.name} × ${i.quantity}`).join('、')}
          </p>
          <p>
            <span className="field-label">{t('vis.removal.consent')}</span> {t(REMOVAL_CONSENT[issued.pass.consent])}
            {issued.pass.approverName ? ` · ${issued.pass.approverName}` : ''}
          </p>
          {!issued.printQueued ? <p className="hint">{t('vis.noPrinter')}</p> : null}
        </PassResult>
      ) : (
        <RemovalForm onIssued={setIssued} />
      )}

      <ListSection
        id="vis-removal-day"
        title={t('vis.removal.list')}
        filters={
          <>
            <label className="field vis-inline">
              <span className="field-label">{t('vis.removal.date')}</span>
              <DateInput name="removal-day" value={day} onChange={(v) => v && setDay(v)} />
            </label>
          </>
        }
        error={list.error}
        rows={list.data ? rows : undefined}
        empty={t('vis.removal.none')}
        testId="removal-table"
        columns={[t('vis.pass.no'), t('vis.room'), t('vis.removal.items'), t('vis.removal.when'), t('vis.status')]}
        rowKey={(p) => p.id}
        cells={(p) => (
          <>
            <td className="vis-mono">{p.passNo}</td>
            <td className="room-code">{p.roomCode}</td>
            <td>{p.items.map((i) => `${i.name} × ${i.quantity}`).join('、')}</td>
            <td>
              {p.date} {p.windowFrom}–{p.windowTo}
            </td>
            <td>
              <span className={`tag ${p.status === 'used' ? 'tag-ok' : p.status === 'void' || p.expired ? 'tag-bad' : 'tag-warn'}`}>
                {t(REMOVAL_STATUS[p.expired && p.status === 'valid' ? 'expired' : p.status])}
              </span>
              {p.verification ? (
                <div className="muted">{t('vis.removal.verifiedBy', { name: p.verification.byName, at: formatDateTime(p.verification.at, lang) })}</div>
              ) : null}
            </td>
          </>
        )}
      />
    </div>
  );
}
