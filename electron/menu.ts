import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Reload and developer tools exist only while developing: a counter clerk must not reload mid-transaction. */
  isDev: boolean;
  toggleBoard(): void;
  openDataFolder(): void;
  showAbout(): void;
}

/** The application menu, in Chinese (the counters' language). */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = actions.isDev
    ? [
        { type: 'separator' },
        { role: 'reload', label: '重新加载' },
        { role: 'forceReload', label: '强制重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
      ]
    : [];
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => actions.openDataFolder() },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...devItems,
      ],
    },
    {
      label: '窗口',
      submenu: [
        { label: '显示/关闭公告屏', accelerator: 'F9', click: () => actions.toggleBoard() },
        { type: 'separator' },
        { role: 'minimize', label: '最小化' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: '关于 DispatchDesk', click: () => actions.showAbout() }],
    },
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
