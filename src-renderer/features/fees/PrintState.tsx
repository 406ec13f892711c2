import { useT } from '../../app/i18n/I18n';
import { PRINT_LABEL, PRINT_TAG, type PrintState as State } from './labels';

/** Printed / waiting (with the printer's complaint) / failed / no printer: one line under the receipt. */
export function PrintState({ state, error, copies }: { state: State; error: string | null; copies: number }) {
  const t = useT();
  return (
    <p className="print-state" data-testid="print-state" data-state={state}>
      <span className="field-label">{t('print.label')}</span>
      <span className={`tag ${PRINT_TAG[state]}`}>{t(PRINT_LABEL[state])}</span>
      {copies > 0 ? <span className="hint">{t('print.copies', { n: copies })}</span> : null}
      {state === 'interrupted' ? (
        <span className="print-error">{t('print.interruptedHint')}</span>
      ) : error ? (
        <span className="print-error">{error}</span>
      ) : null}
      {state === 'not-configured' ? <span className="hint">{t('print.seePreview')}</span> : null}
    </p>
  );
}
