import { useState } from 'react';
import type { CashSessionView, CloseResult } from '@shared/contract';
import { useCall, useFetch } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import { ErrorBox } from '../../app/errors';
import type { MsgKey } from '../../app/i18n/dict';
import { useI18n } from '../../app/i18n/I18n';
import { Dialog } from '../../app/ui/Dialog';
import { Money } from '../../app/ui/Money';
import { CloseSlip } from './CloseSlip';
import { HandoverForm } from './HandoverForm';

const STATUS: Record<CashSessionView['status'], { key: MsgKey; tag: string }> = {
  open: { key: 'sessions.open', tag: 'tag-ok' },
  closed: { key: 'sessions.closed', tag: 'tag-warn' },
  handed_over: { key: 'sessions.handedOver', tag: 'tag-muted' },
};

/** 班次记录 (supervisors): recent sessions of this terminal with their counts; the slip of each, hand-over. */
export function SessionsList() {
  const { t, lang } = useI18n();
  const sessions = useCall('cash.sessions.list', { limit: 30 });
  const list = sessions.data ?? null;
  const [slipError, setSlipError] = useState<unknown>(null);
  const [slip, setSlip] = useState<CloseResult | null>(null);
  const read = useFetch();
  const error = slipError ?? sessions.error;

  const open = async (id: number) => {
    try {
      setSlip(await read('cash.slip', { sessionId: id }));
      setSlipError(null);
    } catch (e) {
      setSlipError(e);
    }
  };

  return (
    <div className="sessions">
      <ErrorBox error={error} />
      {list && list.length === 0 ? <p className="info-box">{t('sessions.none')}</p> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('sessions.openedAt')}</th>
                <th>{t('receipt.operator')}</th>
                <th>{t('receipts.state')}</th>
                <th className="num">{t('cash.float')}</th>
                <th className="num">{t('cash.receipts')}</th>
                <th className="num">{t('slip.expected')}</th>
                <th className="num">{t('slip.counted')}</th>
                <th className="num">{t('slip.variance')}</th>
                <th>{t('sessions.handedTo')}</th>
                <th>
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id}>
                  <td>{formatDateTime(s.openedAt, lang)}</td>
                  <td>{s.operatorName}</td>
                  <td>
                    <span className={`tag ${STATUS[s.status].tag}`}>{t(STATUS[s.status].key)}</span>
                  </td>
                  <td className="num">
                    <Money fen={s.floatFen} />
                  </td>
                  <td className="num">{s.receipts}</td>
                  <td className="num">{s.expectedFen !== null ? <Money fen={s.expectedFen} /> : '—'}</td>
                  <td className="num">{s.countedFen !== null ? <Money fen={s.countedFen} /> : '—'}</td>
                  <td className="num">{s.varianceFen !== null ? <Money fen={s.varianceFen} /> : '—'}</td>
                  <td>{s.handedOverTo ?? '—'}</td>
                  <td>
                    {s.status !== 'open' ? (
                      <button type="button" className="btn small" onClick={() => void open(s.id)}>
                        {t('sessions.slip')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {slip ? (
        <Dialog title={t('sessions.slipTitle')} onClose={() => setSlip(null)} className="wide-dialog">
          <CloseSlip result={slip} />
          {slip.session.status === 'closed' ? <HandoverForm session={slip.session} onDone={() => setSlip(null)} /> : null}
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setSlip(null)} data-autofocus>
              {t('common.close')} <kbd>Esc</kbd>
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
