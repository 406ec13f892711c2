import type { MenuItemConstructorOptions } from 'electron';

/**
 * A minimal application menu. Edit (copy/paste/undo) is kept because on macOS the shortcuts only work
 * through the menu; View with reload and DevTools exists only in an unpacked (development) app.
 * Pure (type-only Electron import) so the "no DevTools when packaged" rule is unit-tested.
 */
export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  });
  if (!isPackaged) {
    template.push({
      label: '开发',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
      ],
    });
  }
  return template;
}
