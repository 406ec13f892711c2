import { contract, type Channel } from './index';

/**
 * Every channel's name, taken from the contract: a channel is declared once, in its area's contract file, and
 * the Electron transport, the preload and the tests list it from here. The preload's build replaces this module
 * with the same names as a plain list computed at build time (electron.vite.config.ts), so the sandboxed preload
 * bundles neither zod nor the schemas.
 */
export const CHANNELS: readonly Channel[] = Object.keys(contract) as Channel[];
