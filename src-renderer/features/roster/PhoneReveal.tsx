import { useEffect, useState } from 'react';
import { useSend } from '../../lib/query';
import { useT } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { RevealDialog } from './RevealDialog';

export const REVEAL_SECONDS = 30;

/**
 * The masked phone, and on request (with a reason, audited) the full number for 30 seconds.
 * The number is hidden again when the time is up, when another resident is opened (this component is
 * keyed by resident) or when the screen locks.
 */
export function PhoneReveal({ id, masked }: { id: number; masked: string }) {
  const t = useT();
  const { active } = useShell();
  const [asking, setAsking] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);
  const [left, setLeft] = useState(0);
  const send = useSend();

  useEffect(() => {
    if (!phone) return;
    const timer = window.setInterval(() => {
      setLeft((s) => {
        if (s <= 1) {
          setPhone(null);
          return 0;
        }
        return s - 1;
      });
    }, 1000);
    return () => window.clearInterval(timer);
  }, [phone]);

  useEffect(() => {
    if (!active) setPhone(null);
  }, [active]);

  if (!masked) return <span className="hint">{t('roster.noPhone')}</span>;

  return (
    <div className="phone-reveal">
      {phone ? (
        <>
          <span className="phone-full" data-testid="phone-full">
            {phone}
          </span>
          <button type="button" className="btn small" onClick={() => setPhone(null)}>
            {t('reveal.hide')}
          </button>
          <p className="audit-note" role="status">
            {t('reveal.recorded', { s: left })}
          </p>
        </>
      ) : (
        <>
          <span className="phone-masked big" data-testid="phone-masked">
            {masked}
          </span>
          <button type="button" className="btn" onClick={() => setAsking(true)}>
            {t('reveal.button')}
          </button>
        </>
      )}
      {asking ? (
        <RevealDialog
          masked={masked}
          onCancel={() => setAsking(false)}
          onReveal={async (reason) => {
            const r = await send('roster.revealPhone', { id, reason });
            setAsking(false);
            setLeft(REVEAL_SECONDS);
            setPhone(r.phone);
          }}
        />
      ) : null}
    </div>
  );
}
