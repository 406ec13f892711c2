/** One message: [zh-CN, en]. Both languages side by side, so neither can be missing. */
export type Pair = readonly [zh: string, en: string];
export type Messages = Record<string, Pair>;
