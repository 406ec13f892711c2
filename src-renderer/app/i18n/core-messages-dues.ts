/** The receivables core's sentences the dues, waiver and opening-balance screens can show, and their English (part of CORE_MESSAGES). */
export const DUES_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  // collecting a room's dues
  [
    '欠费刚刚有变化（可能在别的窗口收过）：请刷新后重新收费。',
    'What is owed has just changed (perhaps collected in another window): refresh and collect again.',
  ],
  [
    '{item}最多还能收 {n} 个月（预交最远到 {month}）：请减少月数',
    '{item}: at most {n} more months can be collected (paying ahead up to {month}): enter fewer months',
  ],
  ['{item}：月数应为 1 到 {n} 之间的整数', '{item}: the months must be a whole number from 1 to {n}'],
  ['{item}：金额为 0，无法收费', '{item}: the amount is 0, nothing to collect'],
  ['{month} 没有生效的单价：请先在收费计划设置里补上单价', 'No rate is in force in {month}: add one in the billing plan settings first'],
  ['按面积收费，但这个房号没有登记面积：请先在名册中补上面积', 'Charged by area, but this room has no area on file: add it in the roster first'],
  // the late fee waiver
  ['房号 {room} 没有这个项目的收费计划。', 'Room {room} has no billing plan for this item.'],
  ['本物业没有开启违约金，没有可免除的违约金。', 'Late fees are off for this property: there is no late fee to waive.'],
  ['房号 {room} 的「{item}」目前没有违约金，不需要免除。', 'Room {room} has no late fee on “{item}” now: nothing to waive.'],
  ['请写明免除违约金的原因（至少 2 个字）。', 'Give the reason for waiving the late fee (at least 2 characters).'],
  // opening balances
  [
    '第一行应是表头，缺少「{cols}」列：请按模板（房号、项目、已交至、期初欠费）整理后重试。',
    'The first row must be the header and the column “{cols}” is missing: arrange the file as the template does (room, item, paid through, arrears) and try again.',
  ],
  ['第 {row} 行：{message}', 'Row {row}: {message}'],
  ['房号 {room} 不在名册里：请先导入名册或核对房号', 'Room {room} is not in the roster: import the roster first or check the room'],
  ['房号是空的', 'The room is empty'],
  [
    '「{item}」不是周期收费项目：请填写收费计划设置里的项目编号或名称',
    '“{item}” is not a monthly billed item: use an item code or name from the billing plan settings',
  ],
  ['已交至「{value}」不是月份：请写成 2025-06', 'Paid through “{value}” is not a month: write it as 2025-06'],
  [
    '已交至 {month} 早于「{item}」的起征月份 {since}：请写 {since2} 的前一个月或以后',
    'Paid through {month} is before “{item}” was first billed ({since}): write the month before {since2} or later',
  ],
  ['已交至 {month} 不在合理范围内（10 年前到 1 年后）：请核对', 'Paid through {month} is out of range (10 years back to 1 year ahead): check it'],
  ['期初欠费：{message}', 'Opening arrears: {message}'],
  ['房号 {room} 的「{item}」与第 {row} 行重复：每个房号每个项目只写一行', 'Room {room}, “{item}” repeats row {row}: one row per room and item'],
  [
    '这次预览已失效（可能已经导入过或程序重启过）：请重新选择文件。',
    'This preview has expired (already imported, or the app restarted): choose the file again.',
  ],
  ['这次预览是另一位操作员做的：请重新选择文件。', 'Another operator made this preview: choose the file again.'],
  ['有 {n} 行有错误：请改好文件后重新导入，或选择跳过错误行。', '{n} rows have errors: correct the file and import again, or choose to skip them.'],
  ['第 {row} 行（{room}）的数据在预览之后有了变化：请重新预览。', 'Row {row} ({room}) has changed since the preview: preview again.'],
  // collecting months in order
  [
    '{item}：{from} 已交过（已交至 {paid}），按月份先后收费，请从 {start} 开始收',
    '{item}: {from} is paid already (paid through {paid}); months are collected in order, so start from {start}',
  ],
  ['{item}：{month} 起还没有交，按月份先后收费，请从 {start} 开始收', '{item}: {month} is not paid yet; months are collected in order, so start from {start}'],
  // where to start, when it is not a month
  ['期初欠费', 'the opening arrears'],
  // monthly billed items, their rates and the rooms' plans
  ['找不到这个周期收费项目：请刷新。', 'This monthly billed item cannot be found: refresh.'],
  [
    '「{item}」不是按月收费的项目：只有按面积每月或每月固定收费的项目可以按房间计划收费。',
    '“{item}” is not billed monthly: only items charged by area per month or at a fixed monthly amount can have billing plans for rooms.',
  ],
  [
    '「{item}」的起征月份已定为 {month}，不能再改：单价变化请添加新的单价期间。',
    'The first billed month of “{item}” is set to {month} and cannot change: for a new price, add a new rate period.',
  ],
  ['这个项目还不是周期收费项目：请先设置起征月份。', 'This item is not billed monthly yet: set its first billed month first.'],
  [
    '这个项目还不是周期收费项目：请先在收费计划设置里设置起征月份和单价。',
    'This item is not billed monthly yet: set its first billed month and rate in the billing plan settings first.',
  ],
  [
    '起征月份 {month} 不在可设置的范围内：最早 10 年前，最晚 1 年后，请核对月份。',
    'The first billed month {month} is out of range (10 years back to 1 year ahead): check the month.',
  ],
  [
    '起始月份 {month} 不在可设置的范围内：最早 10 年前，最晚 1 年后，请核对月份。',
    'The start month {month} is out of range (10 years back to 1 year ahead): check the month.',
  ],
  [
    '{what} {month} 不在可设置的范围内：最早 10 年前，最晚 1 年后，请核对月份。',
    '{what} {month} is out of range (10 years back to 1 year ahead): check the month.',
  ],
  ['请填写起始月份，或交房/入住日期（二选一）。', 'Enter either the start month or the hand-over or move-in date (one of the two).'],
  [
    '起始月份 {from} 早于「{item}」的起征月份 {since}：请核对月份。',
    'The start month {from} is before the first billed month of “{item}”, {since}: check the month.',
  ],
  ['结束月份不能早于起始月份。', 'The end month cannot be before the start month.'],
  [
    '「{item}」按面积收费，但房号 {room} 没有登记面积：请先在名册中补上面积。',
    '“{item}” is charged by area, but room {room} has no area on file: add it in the roster first.',
  ],
  [
    '房号 {room} 的「{item}」已经收过费，不能再改起始月份或数量：如需更正，请先作废相关收据。',
    'Room {room} has already paid for “{item}”, so its start month and quantity cannot change: to correct them, void the receipts concerned first.',
  ],
  ['金额超过单笔上限', 'The amount is over the limit for one line'],
  [
    '新单价从 {from} 起生效，早于这个项目的起征月份 {since}：请核对月份',
    'The new rate starts in {from}, before this item’s first billed month {since}: check the month',
  ],
  ['结束月份不能早于开始月份', 'The end month cannot be before the start month'],
  [
    '新单价的期间与已有单价（{from} 至 今后）重叠：请改开始月份，或先核对单价历史',
    'The new rate overlaps an existing rate (from {from}, open-ended): change the start month, or check the rate history first',
  ],
  [
    '新单价的期间与已有单价（{from} 至 {to}）重叠：请改开始月份，或先核对单价历史',
    'The new rate overlaps an existing rate ({from} to {to}): change the start month, or check the rate history first',
  ],
  ['单价从 {from} 到 {to} 没有着落：新单价请从 {next} 起', 'No rate covers {from} to {to}: start the new rate in {next}'],
  // vacancy and reductions
  ['这段时间与已登记的空置期（{from} 至 今后）重叠：请核对月份。', 'These months overlap a recorded vacancy (from {from}, open-ended): check the months.'],
  ['这段时间与已登记的空置期（{from} 至 {to}）重叠：请核对月份。', 'These months overlap a recorded vacancy ({from} to {to}): check the months.'],
  ['一次减免最多 120 个月。', 'One reduction covers 120 months at most.'],
  ['{month} 已经交过，不能减免：如需退还，请先作废那张收据。', '{month} is paid already and cannot be reduced: to refund it, void that receipt first.'],
];
