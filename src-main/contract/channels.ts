/**
 * The channel names alone, without zod, for the sandboxed preload. contract/index.ts checks at compile
 * time that this list and the contract agree, so a channel cannot be exposed without being declared.
 */
export const CHANNELS = [
  'system.status',
  'system.setup',
  'system.restoreBackup',
  'system.verifyAudit',
  'system.enterRecovery',
  'system.listBackups',
  'system.backupNow',
  'settings.get',
  'settings.update',
  'auth.login',
  'auth.logout',
  'auth.touch',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'auth.approve',
  'operators.list',
  'operators.create',
  'operators.update',
  'operators.resetPassword',
  'operators.unlock',
  'roster.search',
  'roster.get',
  'roster.revealPhone',
  'roster.stats',
  'roster.buildings.list',
  'roster.buildings.create',
  'roster.import.start',
  'roster.import.status',
  'roster.import.commit',
  'roster.import.cancel',
] as const;
export type ChannelName = (typeof CHANNELS)[number];
