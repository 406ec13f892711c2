/** Why a part of a handover summary has no data (part of CORE_MESSAGES, see core-messages.ts). */
export const HANDOVER_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  ['这部分暂时取不到数据', 'This part could not be read just now'],
  ['交班时还没有访客登记功能', 'The visitor register did not exist at this handover'],
  ['交班时还没有按月应收功能', 'Monthly fees were not recorded at this handover'],
  ['交班时还没有交房和装修办理功能', 'Move-ins and decoration cases were not recorded at this handover'],
];
