export type Lang = 'zh-CN' | 'en';

const KEY = 'lobbydesk.lang';

/** zh-CN unless the user chose English on this machine. */
export function loadLang(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}
