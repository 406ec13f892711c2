/**
 * The core's sentences built with values or with words of its own (a card's state, a payment method), for the
 * counter's areas before visitors (part of CORE_MESSAGES, see core-messages.ts); `{x}` is what the core fills in.
 * The words come last in CORE_MESSAGES (CORE_WORDS): a sentence's filled-in part that is one of them is shown in
 * English too (这张卡{状态} → This card is {state}).
 */
export const BUILT_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  // blank card stock
  ...(
    [
      ['补卡', 'replaced', 'replace it'],
      ['发卡', 'issued', 'issue it'],
    ] as const
  ).flatMap(([verb, done, next]) => [
    [
      `系统记录的空白{type}库存为 0 张，不能${verb}：如手上确有空白卡，请主管在「门禁卡 → 空白卡库存」点清实有数量并登记盘点，然后再${verb}。`,
      `No blank {type}s are on record, so the card cannot be ${done}: if there are blanks in the drawer, a supervisor counts them and records the count under Cards → Blank stock; then ${next}.`,
    ] as const,
    [
      `空白{type}的库存记录不对（需要盘点），不能${verb}：如手上确有空白卡，请主管在「门禁卡 → 空白卡库存」点清实有数量并登记盘点，然后再${verb}。`,
      `The record of blank {type}s is wrong (a count is needed), so the card cannot be ${done}: a supervisor counts the blanks and records the count under Cards → Blank stock; then ${next}.`,
    ] as const,
  ]),
  [
    '空白{type}的库存记录不对，不能出库 {n} 张：请主管先盘点（点清实有数量并登记）。',
    'The record of blank {type}s is wrong, so {n} cannot be taken out: a supervisor counts the stock first.',
  ],
  [
    '库存只有 {have} 张空白{type}，不能出库 {n} 张：请主管先盘点（点清实有数量并登记）。',
    'Only {have} blank {type}s are in stock, so {n} cannot be taken out: a supervisor counts the stock first.',
  ],
  // cards
  [
    '这张卡{status}（原属 {who}）：黑名单上的卡不能再发。请换一张新卡。',
    'This card is {status} (it belonged to {who}): a blacklisted card is not issued again. Use a new card.',
  ],
  ['这张卡{status}，不能再挂失。', 'This card is {status}: it cannot be reported lost.'],
  ['这张卡{status}，不能再拉黑。', 'This card is {status}: it cannot be blacklisted.'],
  ['这张卡{status}，不能退卡。', 'This card is {status}: it cannot be returned.'],
  // cash
  ['你已经开班了。', 'Your cash session is already open.'],
  ['本机还有 {name} 的备用金未交款：请先由其结班交款。', "{name}'s cash session on this PC is not handed over yet: they close it and hand over first."],
  ['请先结班点钞，再交款给财务。', 'Close the session and count the cash first, then hand it over to finance.'],
  ['这个班次已经交款。', 'This session has already been handed over.'],
  // fees
  ['{item}在一张收据里只能有一行：请把月数合并到一行。', '{item} takes one line on a receipt: put the months together on one line.'],
  ['{item}：金额为 0，无法收费', '{item}: the amount is 0, nothing to collect'],
  ['月份格式应为 2026-01', 'Write the month like 2026-01'],
  ['金额超过单笔上限 {max} 元', 'The amount is over the limit of ¥{max} for one line'],
  [
    '起始月份 {from} 不在可收费的范围内（{earliest} 至 {latest}）：补缴最多追溯 5 年，预缴最早从 1 年后开始，请核对月份',
    'The first month {from} is outside the months that can be charged ({earliest} to {latest}): arrears go back 5 years at most and advance payments start within a year; check the month',
  ],
  ['月数应为 1 到 120 之间的整数', 'The months are a whole number from 1 to 120'],
  ['{item}：数量应为 1 到 999 的整数', '{item}: the quantity is a whole number from 1 to 999'],
  [
    '{item}按面积收费，但这个房号没有登记面积：请先在名册中补上面积',
    '{item} is charged by floor area, but this room has no area on record: add it in the roster first',
  ],
  ['{item}：请填写上次和本次读数', '{item}: enter the last and the current meter readings'],
  ['{item}：本次读数应大于上次读数', '{item}: the current reading must be more than the last one'],
  ['{item}：请输入金额', '{item}: enter the amount'],
  // keys
  ['公共钥匙要选择所属房号（只在系统里记录，钥匙牌上只写编号）。', 'A common key needs its room (kept in the system only; the tag shows just the number).'],
  [
    '空置房钥匙要选择所属房号（只在系统里记录，钥匙牌上只写编号）。',
    'A vacant-flat key needs its room (kept in the system only; the tag shows just the number).',
  ],
  ['托管钥匙要选择所属房号（只在系统里记录，钥匙牌上只写编号）。', 'A trust key needs its room (kept in the system only; the tag shows just the number).'],
  ['钥匙 {tag} 不是这个房间的空置房钥匙：请核对钥匙编号。', 'Key {tag} is not a vacant-flat key of this room: check the key tag.'],
  [
    '钥匙 {tag} 不在钥匙板上（借出中，请先归还），不能交付业主。',
    'Key {tag} is not on the board (lent out: have it returned first), so it cannot be handed to the owner.',
  ],
  ['钥匙 {tag} 不在钥匙板上（已登记丢失），不能交付业主。', 'Key {tag} is not on the board (recorded lost), so it cannot be handed to the owner.'],
  ['钥匙 {tag} 不在钥匙板上（已停用），不能交付业主。', 'Key {tag} is not on the board (retired), so it cannot be handed to the owner.'],
  ['钥匙 {tag} 已借出（{who}，应还 {due}）：归还后才能再借。', 'Key {tag} is lent out ({who}, due {due}): it can be lent again once returned.'],
  ['钥匙 {tag} 已借出：归还后才能再借。', 'Key {tag} is lent out: it can be lent again once returned.'],
  ['钥匙 {tag} 已登记丢失，不能借出。', 'Key {tag} is recorded lost and cannot be lent.'],
  ['钥匙 {tag} 已停用，不能借出。', 'Key {tag} is retired and cannot be lent.'],
  ['钥匙丢失：请写明情况（谁、何时、是否需要换锁）。', 'Key lost: say what happened (who, when, whether the lock needs changing).'],
  ['钥匙损坏：请写明损坏情况。', 'Key damaged: describe the damage.'],
  // approvals and roles
  ['审批无效：{why}。{next}。', 'Approval not valid: {why}. {next}.'],
  ['此操作需要「{role}」或更高权限：请让有权限的同事登录或审批。', 'This needs the “{role}” role or higher: ask a colleague who has it to sign in or approve.'],
  // parcels
  [
    '单号 {waybill} 看不出是哪家快递（可能是{names}）：请选择快递公司，之后同样的单号会记住这次的选择。',
    'Waybill {waybill} does not show its carrier (perhaps {names}): choose the carrier, and numbers like it will remember the choice.',
  ],
  ['单号 {waybill} {status}，不能{action}：请刷新后重新选择。', 'Waybill {waybill} is {status}, so it cannot be {action}: refresh and choose again.'],
  ['这个快递{status}，不能再修改。', 'This parcel is {status} and can no longer be changed.'],
  // service requests
  ['这条记录现在是「{status}」，不能{action}：请刷新后再看。', 'This request is now “{status}”, so it cannot be {action}: refresh and look again.'],
  // roster import
  [
    '表头（第 {row} 行）缺少必需的列：{missing}。可用的列名：{accepted}；没有楼栋列时，房号须写完整，例如 3-2-501 或 3栋2单元501。已识别的列：{found}。请修改表头后重试。',
    'The heading row (row {row}) is missing required columns: {missing}. Column names that work: {accepted}; without a building column the room is written in full, like 3-2-501. Columns recognised: {found}. Correct the heading and try again.',
  ],
  [
    '表头（第 {row} 行）缺少必需的列：{missing}。可用的列名：{accepted}。已识别的列：{found}。请修改表头后重试。',
    'The heading row (row {row}) is missing required columns: {missing}. Column names that work: {accepted}. Columns recognised: {found}. Correct the heading and try again.',
  ],
  ['这次导入已经中断，不能再次确认：{why}', 'This import was interrupted and cannot be confirmed again: {why}'],
  ['这个文件没能读取，不能导入：{why}', 'This file could not be read, so it cannot be imported: {why}'],
  [
    '导入没有完成：写入时出错，前 {done} 行（共 {total} 行）已经写入名册，其余的没有写入。请重新选择同一个文件再导入一次：已写入的行会显示为「不变」，不会重复，其余的行会补上。如果仍然出错，请重启程序或联系管理员。',
    'The import did not finish: writing failed after the first {done} rows (of {total}); the rest were not written. Choose the same file and import it again: the rows written show as unchanged and are not repeated, the rest are added. If it fails again, restart the program or call the administrator.',
  ],
  [
    '无法读取文件：文件可能已损坏。请在 Excel 中另存为 .xlsx 或「CSV UTF-8」后重试。',
    'The file cannot be read and may be damaged: save it again from Excel as .xlsx or CSV UTF-8 and try again.',
  ],
  [
    '读取文件的后台任务没能启动，名册没有任何改动：请重启程序后重试；如仍失败，请联系技术支持。',
    'The background task that reads the file did not start and the roster is unchanged: restart the program and try again; if it still fails, call support.',
  ],
  [
    '文件内容太多，读取时超出了内存上限：请按楼栋把名册拆成几个较小的文件分批导入。',
    'The file holds too much to read within the memory limit: split the roster by building into smaller files and import them one by one.',
  ],
  // the store and its checks
  ['校验未能运行：{why}。请重试；如果反复出现，请联系技术支持。', 'The check could not run: {why}. Try again; if it keeps happening, call support.'],
  [
    '本机处于“需要处理”状态：数据保护检查发现问题，暂时只能查询，不能保存或修改。请主管到「设置 → 审计链」查看并处理。',
    'This PC needs attention: the data protection check found a problem, so for now records can be looked up but not saved or changed. A supervisor looks into it under Settings → Audit chain.',
  ],
  ['没有可用的上报密钥：请管理员重新填写密钥。', 'There is no usable head office secret: the administrator enters it again.'],
  // card numbers as read (the shared parser)
  ['卡号为空：请重新刷卡或输入卡号', 'No card number: present the card again or type the number'],
  [
    '卡号含有无法识别的字符：请重新刷卡；如总是这样，请在「设置 → 读卡器」核对读卡器的输出格式',
    "The card number has characters that are not understood: present the card again; if it keeps happening, check the reader's output format under Settings → Card reader",
  ],
  [
    '卡号位数与读卡器格式不符：请在「设置 → 读卡器」核对输出格式，或手工输入卡号',
    "The card number's length does not fit the reader's format: check the output format under Settings → Card reader, or type the number",
  ],
  [
    '卡号超出该格式的范围：请在「设置 → 读卡器」核对输出格式，或手工输入卡号',
    'The card number is out of range for this format: check the output format under Settings → Card reader, or type the number',
  ],
  ['{why}（当前格式：{format}）', '{why} (format set: {format})'],
  // cash received
  ['实收现金 {received} 元少于现金应收 {due} 元。', 'The cash received, ¥{received}, is less than the ¥{due} due in cash.'],
  [
    '实收现金 {received} 元比应收 {due} 元多出 {over} 元：找零不会达到 100 元（多给的整张钞票应退还付款人），请核对实收金额。',
    'The cash received, ¥{received}, is ¥{over} more than the ¥{due} due: change never reaches ¥100 (a whole note given too many goes back to the payer); check the amount received.',
  ],
  // waybills
  ['单号为空：请扫描或输入快递单号。', 'No waybill number: scan or type it.'],
  ['单号只能包含字母和数字：请重新扫描。', 'A waybill number has only letters and digits: scan it again.'],
  [
    '单号太短（{n} 位，至少 {min} 位）：可能没扫完整，请重新扫描。',
    'The waybill number is too short ({n} characters, at least {min}): perhaps not all of it was scanned. Scan it again.',
  ],
  [
    '单号太长（{n} 位，最多 {max} 位）：可能连扫了两次，请重新扫描。',
    'The waybill number is too long ({n} characters, at most {max}): perhaps it was scanned twice. Scan it again.',
  ],
  ['邮政单号校验位不对：可能扫错或输错了一位，请重新扫描。', 'The postal waybill check digit is wrong: a digit was misread or mistyped. Scan it again.'],
  ['{carrier}单号格式不对（{prefix} 开头应跟数字）：请重新扫描。', 'Not a valid {carrier} waybill number ({prefix} is followed by digits): scan it again.'],
  ['单号里有多余的短横线：请重新扫描。', 'The waybill number has a stray dash: scan it again.'],
  ...(
    [
      ['，货架 {slot}，房号 {room}', ', shelf {slot}, room {room}'],
      ['，货架 {slot}', ', shelf {slot}'],
      ['，房号 {room}', ', room {room}'],
      ['', ''],
    ] as const
  ).map(
    ([zh, en]) =>
      [
        `单号 {waybill} 已经入库（取件码 {code}${zh}，{at} 入库）：重复扫描，无需再次入库。`,
        `Waybill {waybill} is already in (pickup code {code}${en}, taken in {at}): a repeated scan, nothing to take in.`,
      ] as const,
  ),
  // roster files that cannot be read
  ['文件是空的（0 字节）：请确认选对了文件。', 'The file is empty (0 bytes): check that it is the right file.'],
  [
    '「{file}」是旧版 Excel 97-2003（.xls）文件，无法直接导入。请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。',
    '“{file}” is an old Excel 97-2003 (.xls) file and cannot be imported as it is. Open it in Excel or WPS, save it as an Excel workbook (.xlsx) or CSV UTF-8 (comma delimited), and try again.',
  ],
  [
    '「{file}」是损坏或加密的压缩文件，无法读取。请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。',
    '“{file}” is a damaged or encrypted compressed file and cannot be read. Open it in Excel or WPS, save it as an Excel workbook (.xlsx) or CSV UTF-8 (comma delimited), and try again.',
  ],
  [
    '「{file}」是 PDF 文件，无法导入名册。请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。',
    '“{file}” is a PDF and cannot be imported as a roster. Open the roster in Excel or WPS, save it as an Excel workbook (.xlsx) or CSV UTF-8 (comma delimited), and try again.',
  ],
  [
    '无法识别「{file}」的文件格式（不是表格文件）。请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。',
    'The format of “{file}” is not recognised (not a spreadsheet). Open it in Excel or WPS, save it as an Excel workbook (.xlsx) or CSV UTF-8 (comma delimited), and try again.',
  ],
  [
    '无法读取「{file}」：文件可能已损坏、加密（设了打开密码），或不是 Excel 工作簿。请在 Excel 或 WPS 中打开该文件，另存为「Excel 工作簿（.xlsx）」或「CSV UTF-8（逗号分隔）」后重试。',
    '“{file}” cannot be read: it may be damaged, encrypted (with an opening password) or not an Excel workbook. Open it in Excel or WPS, save it as an Excel workbook (.xlsx) or CSV UTF-8 (comma delimited), and try again.',
  ],
  // backups
  ['所选备份文件本身已损坏，请选择另一个备份。', 'The chosen backup is itself damaged: choose another backup.'],
  ['刚刚已经恢复过一次：请稍候再试。', 'A restore was just done: wait a moment and try again.'],
  // head office uploads
  ['上报地址格式不对：应为 https://… 的完整地址', 'The upload address is not valid: it is a full https://… address'],
  [
    '上报地址必须是 https://（只有本机测试接收端可以用 http://127.0.0.1）',
    'The upload address must be https:// (only a test receiver on this PC may use http://127.0.0.1)',
  ],
  [
    '{why}上报已暂停：请管理员在「上报设置」中重新填写总部提供的密钥。',
    '{why} Uploads are paused: the administrator enters the secret from head office again under Head office.',
  ],
  ['上报密钥无法读取。', 'The head office secret cannot be read.'],
  [
    '上报密钥是用桌面版的系统钥匙串加密保存的，这里无法读取。',
    "The head office secret was sealed with the desktop version's system keychain and cannot be read here.",
  ],
  ['上报密钥的保存格式无法识别。', 'The way the head office secret was saved is not recognised.'],
  ['上报密钥是用密钥文件加密保存的，这里没有密钥文件可用。', 'The head office secret was sealed with a key file, and no key file is available here.'],
  [
    '上报密钥无法读取：数据目录里的密钥文件 upstream.key 不见了（只恢复了数据库备份，或换了电脑）。',
    'The head office secret cannot be read: the key file upstream.key is missing from the data folder (only the database backup was restored, or this is another PC).',
  ],
  [
    '上报密钥无法读取：数据目录里的密钥文件 upstream.key 不是保存密钥时的那一个（可能来自另一台电脑）。',
    'The head office secret cannot be read: the key file upstream.key in the data folder is not the one it was saved with (perhaps from another PC).',
  ],
  ['上报密钥无法读取：数据目录里的密钥文件 upstream.key {why}。', 'The head office secret cannot be read: the key file upstream.key in the data folder {why}.'],
  ['上报密钥无法读取：保存的密文已损坏。', 'The head office secret cannot be read: its sealed copy is damaged.'],
  ['无法读取（{code}）', 'cannot be read ({code})'],
  ['内容已损坏', 'is damaged'],
];

/** Words the core fills into its sentences. */
export const CORE_WORDS: readonly (readonly [zh: string, en: string])[] = [
  // a card's state and type
  ['使用中', 'in use'],
  ['已挂失（黑名单）', 'reported lost (blacklisted)'],
  ['已列入黑名单', 'blacklisted'],
  ['已退卡', 'returned'],
  ['门禁卡', 'access card'],
  ['功能卡', 'function card'],
  // payment methods
  ['现金', 'cash'],
  ['微信', 'WeChat Pay'],
  ['支付宝', 'Alipay'],
  ['银行卡', 'bank card'],
  // why an approval is not valid, and what to do
  ['找不到这次审批', 'it cannot be found'],
  ['审批的不是这项操作', 'it was given for another action'],
  ['这次审批已经用过', 'it has already been used'],
  ['审批已超过 2 分钟有效期', 'it is more than 2 minutes old'],
  ['这次审批是为另一位操作员批的，只能由请求审批的操作员本人使用', 'it was given to another operator and only the one who asked may use it'],
  ['审批人不能是办理人本人', 'the approver cannot be the operator doing the work'],
  ['审批人就是原来经办这笔业务的人，不能审批自己经手的业务', 'the approver did the original work and cannot approve their own'],
  ['审批人的账号已停用、被锁定或已不是主管', "the approver's account is disabled, locked or no longer a supervisor's"],
  ['请重新请主管审批', 'Ask the supervisor again'],
  ['请由要办这项业务的操作员重新请主管审批', 'The operator doing the work asks the supervisor again'],
  ['请另一位主管审批', 'Ask another supervisor'],
  ['这台终端不能使用审批', 'approvals cannot be used on this terminal'],
  ['请由主管本人办理', 'A supervisor does it in person'],
  // roles
  ['门岗', 'Guard'],
  ['前台', 'Receptionist'],
  ['主管', 'Supervisor'],
  ['管理员', 'Administrator'],
  // a parcel's state and the carriers
  ['在库', 'in stock'],
  ['已取件', 'picked up'],
  ['已退回', 'returned to the courier'],
  ['已核销', 'written off'],
  ['取件', 'picked up'],
  ['提醒', 'sent a reminder'],
  ['退回', 'returned to the courier'],
  ['核销', 'written off'],
  ['顺丰', 'SF Express'],
  ['圆通', 'YTO'],
  ['极兔', 'J&T'],
  ['京东', 'JD'],
  ['中国邮政', 'China Post'],
  ['中通', 'ZTO'],
  ['申通', 'STO'],
  ['韵达', 'Yunda'],
  ['德邦', 'Deppon'],
  ['菜鸟', 'Cainiao'],
  ['其他', 'other'],
  ['待确认', 'to be confirmed'],
  // a service request's state and the actions on it
  ['待派工', 'Awaiting dispatch'],
  ['已派工', 'Dispatched'],
  ['处理中', 'In progress'],
  ['已完成', 'Done'],
  ['已回访', 'Followed up'],
  ['派工', 'dispatched'],
  ['开始处理', 'started'],
  ['登记完成', 'recorded as done'],
  ['回访', 'followed up'],
  // card number formats (the reader's settings)
  ['自动识别（8 位数字按 24 位十进制理解）', 'Automatic (8 digits read as 24-bit decimal)'],
  ['10 位十进制，如 0040856634', '10-digit decimal, e.g. 0040856634'],
  ['8 位十进制（24 位），如 07302202', '8-digit decimal (24-bit), e.g. 07302202'],
  ['W26 韦根（3 位区号 + 5 位卡号），如 111,27706 或 11127706', 'Wiegand W26 (3-digit facility + 5-digit card), e.g. 111,27706 or 11127706'],
  ['8 位十六进制，如 026F6C3A', '8-digit hex, e.g. 026F6C3A'],
  ['10 位十六进制（含厂商码），如 01026F6C3A', '10-digit hex (with maker code), e.g. 01026F6C3A'],
  ['10 位十进制，字节反序，如 0980184834', '10-digit decimal, bytes reversed, e.g. 0980184834'],
  ['8 位十六进制，字节反序，如 3A6C6F02', '8-digit hex, bytes reversed, e.g. 3A6C6F02'],
  // errors
  ['未知错误', 'unknown error'],
];
