/** The receivables core's sentences a 欠费催缴 flow can show, and their English (part of CORE_MESSAGES, see core-messages.ts). */
export const ARREARS_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  ['请选择一个房号，或选择一栋楼批量开具。', 'Choose one room, or a building to issue notices for all its rooms owing.'],
  ['还没有设置小票打印机：请在设置里设置打印机，或改为打印 A4。', 'No receipt printer is set up: set one up under Settings, or print A4 instead.'],
  ['这个房号没有欠费：不用发通知单。', 'This room owes nothing: no notice is needed.'],
  ['这栋楼没有欠费的房号：没有通知单要发。', 'No room in this building owes anything: there is no notice to issue.'],
  ['这栋楼欠费的房号超过 {n} 户：请按单元分批开具。', 'More than {n} rooms in this building owe: issue the notices unit by unit.'],
  ['找不到这张通知单：请刷新后重试。', 'This notice cannot be found: refresh and try again.'],
  ['有的通知单找不到了：请刷新后重试。', 'Some of the notices cannot be found: refresh and try again.'],
  ['找不到这些通知单：请刷新后重试。', 'These notices cannot be found: refresh and try again.'],
  ['承诺交费日期 {date} 已经过去：请填写今天或以后的日期。', 'The promised payment date {date} has passed: enter today or a later day.'],
  ['请选择一个月份或一个年份。', 'Choose a month or a year.'],
  ['{month} 还没有到：收缴率只能统计当月及以前。', '{month} has not come yet: the collection rate covers this month and earlier only.'],
];
