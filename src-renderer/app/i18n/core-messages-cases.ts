/** The move-in and decoration cores' sentences and their English (part of CORE_MESSAGES, see core-messages.ts). */
export const CASES_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  // move-in
  ['找不到这张交房办理单：请从房屋档案重新打开。', 'This move-in checklist cannot be found: open it again from the room file.'],
  ['这间房已于 {at} 办完交房。', 'This room was handed over on {at}.'],
  ['这张交房办理单已作废：请重新开始。', 'This move-in checklist was cancelled: start again.'],
  ['请先核验业主身份（第一步），再交付钥匙或发卡。', "Check the owner's identity first (step one), then hand over keys or issue cards."],
  ['房间 {room} 已交房（现为「{state}」），不能再办理交房。', 'Room {room} was handed over already (now "{state}"): it cannot be handed over again.'],
  [
    '选择的住户不是这个房间的现业主：请重新选择，或填写新业主姓名。',
    "The resident chosen is not this room's current owner: choose again, or enter the new owner's name.",
  ],
  ['请选择这个房间的业主，或填写新业主的姓名。', "Choose the room's owner, or enter the new owner's name."],
  ['同一块表只能填一个读数。', 'One reading per meter.'],
  [
    '{meter}读数 {reading} 低于上次的 {last}（{date}）：请重新核对表上的数字。',
    '{meter} reading {reading} is lower than the last one, {last} ({date}): read the meter again.',
  ],
  ['还有步骤没有完成：{steps}。完成后再确认交房。', 'Some steps are not done yet: {steps}. Finish them, then confirm the handover.'],
  ['找不到收据 {no}：请核对收据号。', 'Receipt {no} cannot be found: check the number.'],
  ['收据 {no} 已作废：请重新收费。', 'Receipt {no} was voided: collect again.'],
  ['收据 {no} 不是这个房间的收据。', 'Receipt {no} is not for this room.'],
  // decoration
  ['找不到这个装修申请：请刷新列表。', 'This fit-out case cannot be found: refresh the list.'],
  ['装修申请现为「{now}」，这一步要在「{allowed}」时办理。', 'The fit-out case is "{now}": this step is done when it is "{allowed}".'],
  ['计划完工 {end} 早于开工 {start}：请检查日期。', 'The planned end {end} is before the start {start}: check the dates.'],
  [
    '房间 {room} 已有一份「{state}」的装修申请：一个房间同时只能有一份，请在原申请上办理（延期或验收）。',
    'Room {room} already has a fit-out case ("{state}"): one at a time; carry on with that one (extend or accept it).',
  ],
  [
    '房间 {room} 现为「{state}」，不能申请装修：请先办理交房或租户迁出。',
    'Room {room} is "{state}": no fit-out can be applied for; hand it over or move the tenant out first.',
  ],
  ['申请人不是这个房间的现业主：请重新选择。', "The applicant is not this room's current owner: choose again."],
  ['驳回要写明原因（至少 2 个字），业主才知道怎么改。', 'A rejection needs a reason (at least 2 characters), so the owner knows what to change.'],
  ['收据 {no} 已作废：请重新收取押金。', 'Receipt {no} was voided: collect the deposit again.'],
  ['收据 {no} 不是 {room} 的收据。', 'Receipt {no} is not for {room}.'],
  ['收据 {no} 金额 {amount} 不足装修押金 {deposit}。', 'Receipt {no} for {amount} does not cover the fit-out deposit {deposit}.'],
  ['装修押金还没有收：请先到收费收取押金并关联收据。', 'The fit-out deposit is not collected yet: collect it in Fees and link the receipt.'],
  ['新的完工日期要晚于原计划 {end}。', 'The new end must be later than the planned {end}.'],
  ['发现违规：请写明违规情况。', 'A violation: describe it.'],
  ['没有违规不能扣款。', 'No deduction without a violation.'],
  [
    '扣款 {fen} 超过押金余额 {left}（押金 {deposit}，已扣 {deducted}）。',
    'The deduction {fen} exceeds the deposit left, {left} (deposit {deposit}, {deducted} deducted).',
  ],
  ['出入证有效期不能晚于计划完工日 {end}：工期要延长请先办理延期。', 'A pass cannot run past the planned end {end}: extend the works first.'],
  ['这把钥匙不是房间 {room} 的：装修只能借出本房间的钥匙。', 'This key is not one of room {room}: only the room’s own keys are lent for its fit-out.'],
  ['扣款超过了押金：请联系主管核对扣款记录。', 'The deductions exceed the deposit: ask a supervisor to check them.'],
  ['这份装修申请没有关联押金收据：请先关联收取押金的收据。', 'This case has no deposit receipt: link the receipt the deposit was collected on.'],
  [
    '收据 {no} 是房间 {room} 的装修押金：请在「交房装修」的这份装修申请里退押金（会扣除违规扣款）。',
    'Receipt {no} is the fit-out deposit of room {room}: refund it from that case under Move-in & fit-out (the deductions are kept).',
  ],
  ['退款金额要在 ￥0.01 到收据可退押金 {amount} 之间。', 'The refund must be between ¥0.01 and the refundable deposit on the receipt, {amount}.'],
];
