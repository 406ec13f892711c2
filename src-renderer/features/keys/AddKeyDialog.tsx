import { useState, type FormEvent } from 'react';
import type { KeyKind, KeyView } from '@shared/contract';
import { useSend } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { useAction } from '../../app/useAction';
import { Dialog, DialogFormActions } from '../../app/ui/Dialog';
import { RoomChooser, type RoomChoice } from '../cards/RoomChooser';
import { KIND } from './labels';

/** 新增钥匙 (supervisor+): kind, name, room for vacant/trust keys, hook; the tag is given when left empty. */
export function AddKeyDialog({ onDone, onCancel }: { onDone: (k: KeyView) => void; onCancel: () => void }) {
  const t = useT();
  const action = useAction();
  const send = useSend();
  const [kind, setKind] = useState<KeyKind>('vacant');
  const [label, setLabel] = useState('');
  const [tag, setTag] = useState('');
  const [hook, setHook] = useState('');
  const [room, setRoom] = useState<RoomChoice | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    return action.start({
      run: async () =>
        onDone(
          await send('keys.save', {
            kind,
            label: label.trim(),
            roomId: room?.roomId ?? null,
            ...(tag.trim() && { tag: tag.trim() }),
            ...(hook.trim() && { hook: hook.trim() }),
          }),
        ),
    });
  };

  return (
    <Dialog title={t('keys.addTitle')} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <fieldset className="fieldset">
          <legend className="field-label">{t('keys.kind')}</legend>
          <div className="radios inline">
            {(Object.keys(KIND) as KeyKind[]).map((k) => (
              <label key={k} className="check">
                <input type="radio" name="key-kind" checked={kind === k} onChange={() => setKind(k)} /> {t(KIND[k])}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid-3">
          <label className="field">
            <span className="field-label">{t('keys.label')}</span>
            <input name="key-label" value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} data-autofocus autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-label">{t('keys.tag')}</span>
            <input name="key-tag" value={tag} maxLength={16} onChange={(e) => setTag(e.target.value)} autoComplete="off" placeholder="K-0012" />
          </label>
          <label className="field">
            <span className="field-label">{t('keys.hook')}</span>
            <input name="key-hook" value={hook} maxLength={16} onChange={(e) => setHook(e.target.value)} autoComplete="off" placeholder="A-01" />
          </label>
        </div>
        <p className="field-hint">{t('keys.tagHint')}</p>
        {kind !== 'public' ? <RoomChooser label={t('keys.room')} value={room} onChange={setRoom} /> : null}
        {kind !== 'public' ? <p className="field-hint">{t('keys.roomHint')}</p> : null}
        <ErrorBox error={action.error} />
        <DialogFormActions submitLabel={action.busy ? t('common.working') : t('common.save')} busy={action.busy} onCancel={onCancel} />
      </form>
    </Dialog>
  );
}
