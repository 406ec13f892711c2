import { useState } from 'react';
import type { OperatorAdminView } from '@shared/contract';
import { useCall, useSend } from '../../lib/query';
import { formatDateTime } from '../../lib/format';
import type { Role } from '../../lib/roles';
import { ErrorBox } from '../../app/errors';
import { useI18n } from '../../app/i18n/I18n';
import { useShell } from '../../app/shell-context';
import { OkNote } from '../../app/ui/Notes';
import { AddOperatorForm } from './AddOperatorForm';
import { ResetPasswordDialog } from './ResetPasswordDialog';

const ROLES: Role[] = ['receptionist', 'supervisor', 'admin'];

/** 操作员 (admin): who may sign in here, their role, active / locked; add, change, reset, unlock. */
export function OperatorsTab() {
  const { t, lang } = useI18n();
  const { operator: me } = useShell();
  const operators = useCall('operators.list', {});
  const list = operators.data ?? null;
  const [actError, setActError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<OperatorAdminView | null>(null);
  const send = useSend();
  const error = actError ?? operators.error;

  /** A change made here or in a dialog: its notice (the list is read again by the change itself). */
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setActError(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
    } catch (e) {
      setActError(e);
    }
  };

  return (
    <div className="operators">
      <ErrorBox error={error} />
      <OkNote text={notice} />
      {list ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('operators.username')}</th>
              <th>{t('operators.displayName')}</th>
              <th>{t('operators.role')}</th>
              <th>{t('operators.state')}</th>
              <th>{t('operators.lastLogin')}</th>
              <th>{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((o) => {
              const self = o.id === me.id;
              return (
                <tr key={o.id} className={o.active ? undefined : 'inactive'}>
                  <td>{o.username}</td>
                  <td>{o.displayName}</td>
                  <td>
                    {self ? (
                      t(`role.${o.role}`)
                    ) : (
                      <select
                        aria-label={t('operators.roleOf', { name: o.displayName })}
                        value={o.role}
                        onChange={(e) =>
                          void act(
                            () => send('operators.update', { id: o.id, role: e.target.value as Role }),
                            t('operators.roleChanged', { name: o.displayName }),
                          )
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>
                    {o.active ? <span className="tag tag-ok">{t('operators.active')}</span> : <span className="tag tag-muted">{t('operators.inactive')}</span>}
                    {o.locked ? <span className="tag tag-bad">{t('operators.locked')}</span> : null}
                  </td>
                  <td>{o.lastLoginAt ? formatDateTime(o.lastLoginAt, lang) : t('operators.never')}</td>
                  <td>
                    <div className="row-actions">
                      {!self ? (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() =>
                            void act(
                              () => send('operators.update', { id: o.id, active: !o.active }),
                              t(o.active ? 'operators.deactivated' : 'operators.activated', { name: o.displayName }),
                            )
                          }
                        >
                          {o.active ? t('operators.deactivate') : t('operators.activate')}
                        </button>
                      ) : (
                        <span className="hint">{t('operators.thisIsYou')}</span>
                      )}
                      <button type="button" className="btn small" onClick={() => setResetFor(o)}>
                        {t('operators.resetPassword')}
                      </button>
                      {o.locked ? (
                        <button
                          type="button"
                          className="btn small"
                          onClick={() => void act(() => send('operators.unlock', { username: o.username }), t('operators.unlocked', { name: o.displayName }))}
                        >
                          {t('operators.unlock')}
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <AddOperatorForm onAdded={(o) => void act(async () => undefined, t('operators.added', { name: o.displayName }))} />
      {resetFor ? (
        <ResetPasswordDialog
          operator={resetFor}
          onCancel={() => setResetFor(null)}
          onDone={() => {
            const name = resetFor.displayName;
            setResetFor(null);
            void act(async () => undefined, t('operators.passwordReset', { name }));
          }}
        />
      ) : null}
    </div>
  );
}
