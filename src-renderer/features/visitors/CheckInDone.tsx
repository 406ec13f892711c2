import type { RefObject } from 'react';
import type { CheckInResult } from '@shared/contract';
import { useI18n } from '../../app/i18n/I18n';
import { PassResult } from './PassResult';

/** After 登记并打印: the pass (its print state, reprint, void) and who came to which room; Esc for the next visitor. */
export function CheckInDone({ done, nextRef, onNext }: { done: CheckInResult; nextRef: RefObject<HTMLButtonElement | null>; onNext: () => void }) {
  const { t } = useI18n();
  const v = done.visit;
  return (
    <PassResult
      passNo={done.pass.passNo}
      initial={done.pass}
      title={t('vis.done', { name: v.nameMasked })}
      actions={
        <button ref={nextRef} type="button" className="btn primary big" onClick={onNext}>
          {t('vis.next')} <kbd>Esc</kbd>
        </button>
      }
    >
      <p>
        <span className="field-label">{t('vis.visitor')}</span> <strong data-testid="visit-name">{v.nameMasked}</strong> {v.phoneMasked}
        {v.partySize > 1 ? <span className="tag">{t('vis.partyOf', { n: v.partySize })}</span> : null}
      </p>
      <p>
        <span className="field-label">{t('vis.room')}</span> <strong className="room-code">{v.roomCode ?? t('vis.commonArea')}</strong>
        {v.refusalOverride ? <span className="tag tag-warn">{t('vis.overridden', { who: v.refusalOverride.approverName })}</span> : null}
      </p>
      {!done.printQueued ? <p className="hint">{t('vis.noPrinter')}</p> : null}
    </PassResult>
  );
}
