import type { Messages } from './types';

/** 上报: head office settings, 立即上报, and each business day's delivery state. */
export const upstream = {
  'up.tab.history': ['上报记录', 'History'],
  'up.tab.settings': ['上报设置', 'Settings'],
  'up.lead': [
    '每个营业日结束后，本机把当日汇总（只有合计，不含住户姓名和电话）上报公司总部；断网或总部故障时自动重试，恢复后按日期补报，每天只算一次。',
    'After each business day this counter sends the day’s totals (no resident names or phones) to head office; it retries through outages and catches up in date order, each day counted once.',
  ],
  'up.notEnabled': [
    '上报尚未启用：请管理员在「上报设置」中填写总部地址和密钥。',
    'Not enabled yet: an admin enters head office’s address and secret under Settings.',
  ],
  'up.sendNow': ['立即上报', 'Send now'],
  'up.sent': [
    '已上报 {delivered} 天；等待重试 {pending} 天；已停止 {stopped} 天。',
    'Delivered {delivered} {delivered|day|days}; {pending} waiting; {stopped} stopped.',
  ],
  'up.none': ['还没有需要上报的营业日（第一天在次日的发送时间之后上报）。', 'No business day is due yet (the first goes after the next send time).'],
  'up.date': ['营业日', 'Business day'],
  'up.state': ['状态', 'State'],
  'up.attempts': ['尝试次数', 'Attempts'],
  'up.detail': ['说明', 'Details'],
  'up.state.delivered': ['已送达', 'Delivered'],
  'up.state.pending': ['等待发送', 'Waiting'],
  'up.state.stopped': ['已停止', 'Stopped'],
  'up.deliveredAt': ['{at} 送达', 'delivered {at}'],
  'up.duplicate': ['（总部已有，按重复处理）', '(head office had it: duplicate)'],
  'up.nextAt': ['下次尝试 {at}', 'next try {at}'],
  'up.skew': ['本机时钟与总部相差 {s} 秒', 'clock differs from head office by {s} s'],
  'up.enabled': ['启用每晚上报', 'Send every night'],
  'up.url': ['总部上报地址', 'Head office URL'],
  'up.urlHint': [
    '向总部索取，必须以 https:// 开头（本机测试接收端可用 http://127.0.0.1）',
    'From head office; https:// (http://127.0.0.1 only for the local test receiver)',
  ],
  'up.terminal': ['终端编号', 'Terminal id'],
  'up.terminalHint': [
    '在初始设置时确定，不能修改（收据号按它连续编号）；总部按它区分各个前台。',
    'Set at first run and fixed (receipt numbers run per terminal); head office tells counters apart by it.',
  ],
  'up.secret': ['密钥', 'Secret'],
  'up.secretKeep': ['已保存（留空则不变）', 'Saved (leave blank to keep)'],
  'up.secretNone': ['向总部索取，至少 16 个字符', 'From head office, at least 16 characters'],
  'up.secretKeychain': [
    '密钥保护：系统钥匙串（加密保存，只有本机的这个系统账户能解开）',
    'Secret protection: OS keychain (encrypted; only this account on this PC can open it)',
  ],
  'up.secretKeyFile': [
    '密钥保护：本机密钥文件（加密保存；密钥文件 upstream.key 在数据目录，不随数据库备份。换电脑或只恢复了备份时，需重新填写密钥）',
    'Secret protection: key file on this PC (encrypted; the key file upstream.key is in the data folder and not in database backups. After moving to another PC or restoring only a backup, enter the secret again)',
  ],
  'up.secretPlain': [
    '密钥保护：无（未加密，会随数据库备份带走）：请重新填写一次密钥，改为加密保存',
    'Secret protection: none (not encrypted; it travels in database backups): enter the secret again to have it sealed',
  ],
  'up.secretUnreadable': [
    '上报密钥无法读取，上报已暂停：请重新填写总部提供的密钥。',
    'The stored secret cannot be read and sending is paused: enter the secret from head office again.',
  ],
  'up.sendTime': ['每晚发送时间', 'Send time'],
  'up.sendTimeHint': ['营业日结束后的这个时间发送，例如 04:30', 'Sent at this time after the business day ends, e.g. 04:30'],
  'up.cutoff': ['营业日分界（点）', 'Business day starts at (hour)'],
  'up.cutoffHint': ['例如 4：凌晨 4 点前的收款算前一天', 'e.g. 4: payments before 04:00 count for the day before'],
  'up.badHour': ['请输入 0–23 的整数', 'A whole number from 0 to 23'],
  'up.badTime': ['时间格式应为 HH:MM，例如 04:30', 'Time as HH:MM, e.g. 04:30'],
  'up.supervisorOnly': ['上报记录由主管和管理员查看。', 'Supervisors and admins see the upload history.'],
  'up.saved': ['上报设置已保存。', 'Upstream settings saved.'],
} as const satisfies Messages;
