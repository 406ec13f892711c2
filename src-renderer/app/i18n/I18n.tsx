import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICT, type MsgKey } from './dict';
import { loadLang, saveLang, type Lang } from './lang';
import { setMoneyLang } from '../../lib/money';

export type Params = Record<string, string | number>;
export type T = (key: MsgKey, params?: Params) => string;

export function translate(lang: Lang, key: MsgKey, params?: Params): string {
  const text = DICT[key][lang === 'en' ? 1 : 0];
  if (!params) return text;
  // {n|document|documents}: the singular when n is 1, else the plural (English counts)
  return text.replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (m, name: string, one: string, many: string) => {
    const v = params[name];
    return v === undefined ? m : Number(v) === 1 ? one : many;
  }).replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? v.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN') : v;
  });
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: T;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(loadLang);
  // module-level formatting that follows the language (the yuan sign), set before this render's children
  setMoneyLang(lang);
  const setLang = useCallback((l: Lang) => {
    saveLang(l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const t = useCallback<T>((key, params) => translate(lang, key, params), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export const useT = (): T => useI18n().t;
