import type { Messages } from './types';

/**
 * Messages about one input field. The field labels themselves, [zh-CN, en], are the contract's
 * FIELD_LABELS (src-shared/contract/field-labels.ts): the core names a field in Chinese in its BAD_INPUT
 * message and sends the field's path in params.field; in English the screen names it with the English label.
 */
export const fields = {
  'err.BAD_INPUT_FIELD': ['「{field}」输入有误。', 'Check the field “{field}”.'],
} as const satisfies Messages;
