import { useEffect, useRef, useState } from 'react';
import type { VerifyResult } from '@shared/contract';
import { formatDateTime } from '../../lib/format';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { SCAN_FIELD_ATTR } from '../parcels/useWedge';
import { REMOVAL_CONSENT } from './labels';

interface Props {
  /** a scan from the scanner (anywhere on this screen): verified at once */
  scan: { code: string; n: number } | null;
}

/**
 * 放行核验: the guard (or the counter, for slips the guard brought back) scans the removal pass's barcode or
 * types its number. The answer fills the screen in large type: 放行 (green, the pass is now used) or why not
 * (已使用 with when and by whom, 已过期, 已作废, 无此证, 未到日期), then the pass's room, items and vehicle.
 */
export function VerifyTab({ scan }: Props) {
  const { t, lang } = useI18n();
  const send = useSend();
  const action = useAction();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const verify = (passNo: string) => {
    if (!passNo.trim()) return;
    setCode('');
    void action.start({
      run: async () => {
        setResult(null);
        setResult(await send('visitors.removal.verify', { passNo: passNo.trim() }));
      },
    });
    inputRef.current?.focus();
  };

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  const lastScan = useRef(0);
  useEffect(() => {
    if (!scan || scan.n === lastScan.current) return;
    lastScan.current = scan.n;
    verify(scan.code);
  }, [scan]);

  const ok = result?.result === 'ok';
  const p = result?.pass ?? null;
  return (
    <section className="vis-verify" aria-labelledby="vis-verify-title">
      <h2 id="vis-verify-title" className="section-title">
        {t('vis.verify.title')}
      </h2>
      <form
        className="vis-verify-scan"
        onSubmit={(e) => {
          e.preventDefault();
          verify(code);
        }}
      >
        <label className="field">
          <span className="field-label">{t('vis.verify.label')}</span>
          <input
            ref={inputRef}
            name="verify-pass"
            value={code}
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            {...{ [SCAN_FIELD_ATTR]: '' }}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button type="submit" className="btn primary big" disabled={action.busy}>
          {t('vis.verify.submit')}
        </button>
      </form>
      <ErrorBox error={action.error} />
      {result ? (
        <div className={`vis-verdict ${ok ? 'vis-verdict-ok' : 'vis-verdict-bad'}`} role="alert" data-testid="verdict" data-result={result.result}>
          <p className="vis-verdict-head">{result.headline}</p>
          <p className="vis-verdict-detail">{result.detail}</p>
          {result.outsideWindow ? <p className="vis-verdict-warn">{t('vis.verify.outsideWindow')}</p> : null}
          {p ? (
            <dl className="vis-verdict-facts">
              <dt>{t('vis.pass.no')}</dt>
              <dd className="vis-mono">{p.passNo}</dd>
              <dt>{t('vis.room')}</dt>
              <dd className="room-code">{p.roomCode}</dd>
              <dt>{t('vis.removal.items')}</dt>
              <dd>{p.items.map((i) => `${i.name} × ${i.quantity}`).join('、')}</dd>
              {p.plate ? (
                <>
                  <dt>{t('vis.plate')}</dt>
                  <dd className="vis-plate">{p.plate}</dd>
                </>
              ) : null}
              {p.movingCompany ? (
                <>
                  <dt>{t('vis.removal.company')}</dt>
                  <dd>{p.movingCompany}</dd>
                </>
              ) : null}
              <dt>{t('vis.removal.when')}</dt>
              <dd>
                {p.date} {p.windowFrom}–{p.windowTo}
              </dd>
              <dt>{t('vis.removal.consent')}</dt>
              <dd>{t(REMOVAL_CONSENT[p.consent])}</dd>
              {p.verification ? (
                <>
                  <dt>{t('vis.verify.usedAt')}</dt>
                  <dd data-testid="verified-by">
                    {formatDateTime(p.verification.at, lang)} · {p.verification.byName} ·{' '}
                    {t(p.verification.via === 'gate' ? 'vis.verify.viaGate' : 'vis.verify.viaCounter')}
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
        </div>
      ) : (
        <p className="hint vis-verify-idle">{t('vis.verify.idle')}</p>
      )}
    </section>
  );
}
