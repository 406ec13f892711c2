/** The visitors core's fixed sentences and their English (part of CORE_MESSAGES, see core-messages.ts). */
export const VISITOR_MESSAGES: readonly (readonly [zh: string, en: string])[] = [
  [
    '上次来访记录与这位访客不符（或已按保存期限删除）：请完整填写访客信息。',
    "The last visit on file does not match this visitor (or was erased after the retention period): fill in the visitor's details in full.",
  ],
  ['业主本人申请不需要登记业主同意：请清空同意方式。', "An owner applying needs no owner's consent: clear the consent."],
  [
    '书面授权：请写明授权书的情况（例如「业主签字授权书，已复印存档」）。',
    'Written authorisation: describe the letter (for example "signed by the owner, copy filed").',
  ],
  ['允许进入的楼栋里有不在名册中的楼栋：请重新选择。', 'Some of the buildings allowed are not in the roster: choose them again.'],
  [
    '到访住户家需要住户同意：请选择电话确认、业主到场或预约。',
    "A visit to a home needs the resident's consent: choose phone confirmation, owner present or appointment.",
  ],
  ['去公共区域不需要住户同意：同意方式请选「无需」。', 'A visit to a common area needs no resident consent: choose "Not needed".'],
  [
    '去公共区域请写明去处和事由（至少 2 个字），例如「物业办公室 面试」。',
    'For a common area, say where and why (at least 2 characters), for example "management office, interview".',
  ],
  ['完整证件号无法查看：保存的密文已损坏。', 'The full document number cannot be shown: its sealed copy is damaged.'],
  ['找不到这张搬运放行条：请刷新。', 'Removal pass not found: refresh.'],
  ['找不到这张通行证：请刷新。', 'Pass not found: refresh.'],
  ['找不到这条拒绝来访记录：请刷新。', 'Refusal entry not found: refresh.'],
  ['找不到这条来访记录：请刷新。', 'Visit not found: refresh.'],
  ['找不到这条预约：请刷新。', 'Appointment not found: refresh.'],
  ['找不到这条预约：请刷新预约列表。', 'Appointment not found: refresh the appointments.'],
  ['按预约登记：请从今天的预约里选择。', "Check-in by appointment: choose one of today's appointments."],
  ['有效期不能早于现在：请重新选择离开时间。', 'The validity cannot end before now: choose the leaving time again.'],
  [
    '本物业使用预印的临时出入证：请填写交给施工人员的那张表单的编号。',
    'This property uses pre-printed worker passes: enter the number of the form handed to the worker.',
  ],
  [
    '本物业只登记证件号后四位：请只填写后四位，不要输入完整号码。',
    'This property registers only the last four characters of a document: enter those, not the whole number.',
  ],
  [
    '本物业按规定登记完整证件号码：请填写证件号码（加密保存，屏幕上只显示后四位）。',
    'This property must register the whole document number: enter it (it is sealed; the screen shows the last four only).',
  ],
  ['本物业的临时出入证由本机打印，不用填写表单编号。', 'Worker passes are printed here at this property: no form number is needed.'],
  ['电话确认：请填写拨打的业主电话（只保存部分号码）。', "Phone confirmation: enter the owner's number you called (only part of it is kept)."],
  ['电话确认：请填写拨打的住户电话（只保存部分号码）。', "Phone confirmation: enter the resident's number you called (only part of it is kept)."],
  ['表单编号应为字母（可无）加 3–10 位数字，例如 LS000123。', 'A form number is optional letters and 3 to 10 digits, for example LS000123.'],
  ['表单编号格式不对：例如 LS000123。', 'The form number is not in the right form: for example LS000123.'],
  [
    '证件类型选了「未出示」，就不要填写证件号：请选择证件类型，或清空证件号。',
    'The document type is "Not shown", so leave the number empty: choose a document type, or clear the number.',
  ],
  ['请填写访客电话（登记后只显示部分号码）。', "Enter the visitor's phone (only part of it is shown once registered)."],
  [
    '请填写证件号后四位（未出示证件请把证件类型选为「未出示」）。',
    'Enter the last four characters of the document (if none was shown, choose "Not shown" as its type).',
  ],
  [
    '请至少填写手机尾号或证件号后四位中的一项：只凭姓名会把同名的人也拦下。',
    "Enter the phone's last digits or the document's last four at least: a name alone would also stop others of the same name.",
  ],
  [
    '还没有设置打印机：请在「设置 → 打印机」里设置后再补打，或先查看预览。',
    'No printer is set up: set one up in Settings → Printer, then reprint, or look at the preview.',
  ],
  ['这个房号不在名册中：请从名册里选择。', 'This room is not in the roster: choose one from the roster.'],
  [
    '这个房号不在名册中：请从名册里选择房号；不是去住户家的，请选「公共区域」并写明去处。',
    'This room is not in the roster: choose a room from the roster; for a visit elsewhere, choose "Common area" and say where.',
  ],
  ['这个房号不在名册中：请从名册里选择被访房号。', 'This room is not in the roster: choose the room visited from the roster.'],
  ['这个房号不在名册中：请从名册里选择，或不限房号。', 'This room is not in the roster: choose one from the roster, or no particular room.'],
  ['这位访客的个人信息已按保存期限删除，无法查看。', "This visitor's personal details were erased after the retention period and cannot be shown."],
  ['预约最多提前 90 天登记。', 'Appointments can be recorded up to 90 days ahead.'],
];
