import { useState } from 'react';
import type { FeeItemView } from '@shared/contract';
import { useCall } from '../../lib/query';
import { ErrorBox } from '../../app/errors';
import { useT } from '../../app/i18n/I18n';
import { OkNote } from '../../app/ui/Notes';
import { CATEGORY_LABEL, RULE_LABEL } from '../fees/labels';
import { priceLabel } from '../fees/ItemPicker';
import { FeeItemDialog } from './FeeItemDialog';

/** 收费项目 (admin): the catalogue the counter charges from; add an item or change one (stop = 停用). */
export function FeeItemsTab() {
  const t = useT();
  const items = useCall('fees.items.list', { includeInactive: true });
  const list = items.data ?? null;
  const [editing, setEditing] = useState<FeeItemView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const nextSort = (list ?? []).reduce((m, i) => Math.max(m, i.sort), 0) + 10;
  return (
    <div className="fee-items">
      <div className="toolbar">
        <p className="hint">{t('items.explain')}</p>
        <button type="button" className="btn primary" onClick={() => setEditing('new')}>
          {t('items.add')}
        </button>
      </div>
      <ErrorBox error={items.error} />
      <OkNote text={notice} />
      {list && list.length === 0 ? <p className="info-box">{t('items.none')}</p> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('items.code')}</th>
                <th>{t('items.name')}</th>
                <th>{t('items.category')}</th>
                <th>{t('items.rule')}</th>
                <th className="num">{t('items.price')}</th>
                <th>{t('items.flags')}</th>
                <th className="num">{t('items.sort')}</th>
                <th>
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id} className={i.active ? undefined : 'inactive'}>
                  <td className="mono-wrap">{i.code}</td>
                  <td>{i.name}</td>
                  <td>{t(CATEGORY_LABEL[i.category])}</td>
                  <td>{t(RULE_LABEL[i.rule])}</td>
                  <td className="num">{priceLabel(i, t)}</td>
                  <td>
                    <span className="tags">
                      {i.active ? <span className="tag tag-ok">{t('items.activeTag')}</span> : <span className="tag tag-muted">{t('items.inactiveTag')}</span>}
                      {i.refundable ? <span className="tag tag-warn">{t('items.refundableTag')}</span> : null}
                    </span>
                  </td>
                  <td className="num">{i.sort}</td>
                  <td>
                    <button type="button" className="btn small" onClick={() => setEditing(i)} aria-label={t('items.editOf', { name: i.name })}>
                      {t('items.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <FeeItemDialog
          item={editing === 'new' ? null : editing}
          nextSort={nextSort}
          onCancel={() => setEditing(null)}
          onSaved={(i) => {
            setEditing(null);
            setNotice(t('items.saved', { name: i.name }));
          }}
        />
      ) : null}
    </div>
  );
}
