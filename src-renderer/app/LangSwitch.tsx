import { useI18n } from './i18n/I18n';
import type { Lang } from './i18n/lang';

const LANGS: { id: Lang; label: string }[] = [
  { id: 'zh-CN', label: '中文' },
  { id: 'en', label: 'English' },
];

/** 中文 / English, remembered on this machine. Each label is written in its own language. */
export function LangSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('top.language')}>
      {LANGS.map((l) => (
        <button key={l.id} type="button" className="btn small" aria-pressed={lang === l.id} lang={l.id} onClick={() => setLang(l.id)}>
          {l.label}
        </button>
      ))}
    </div>
  );
}
