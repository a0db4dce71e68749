import { beforeAll, describe, expect, it } from 'vitest';
import type { EventDto } from '../../../../src/shared/dto';
import { i18next, initI18n } from '../../i18n';
import { describeEvent } from './describeEvent';
import { eventTypeLabel } from './eventTypes';

beforeAll(() => {
  initI18n('zh-CN');
});

const event = (type: string, payload: Record<string, unknown> = {}, docId: string | null = null): EventDto => ({
  id: 1,
  at: 0,
  type,
  docType: null,
  docId,
  payload,
  station: 'office',
  staffId: 1,
  staffName: '周强',
});

describe('describeEvent', () => {
  const t = () => i18next.t;

  it('shows a setting change with label, units and both values', () => {
    expect(describeEvent(t(), event('settings.changed', { key: 'sales.slipWaitMinutes', oldValue: 5, newValue: 6 }))).toBe('取号到开出提货单的时限：5 分钟 → 6 分钟');
    expect(describeEvent(t(), event('settings.changed', { key: 'service.suggestionBoxWeekday', oldValue: 1, newValue: 3 }))).toBe('意见箱开箱日：星期一 → 星期三');
  });

  it('lists only the changed fields of a staff account', () => {
    const before = { staffNo: 'D001', name: '王芳', role: 'sales_clerk', post: '', badgeNo: 'XS-01', phone: '', active: true };
    const text = describeEvent(t(), event('staff.updated', { before, after: { ...before, role: 'gatekeeper', active: false } }));
    expect(text).toBe('D001 王芳 · 角色：销售窗口开票员 → 门卫；在岗（可以登录）：在岗 → 已停用');
  });

  it('names stations and the person a PIN was reset for', () => {
    expect(describeEvent(t(), event('auth.stationSwitched', { from: 'office', to: 'gate' }))).toBe('销售处办公室 → 门卫室');
    expect(describeEvent(t(), event('staff.pinReset', {}, '7'), new Map([['7', 'D001 王芳']]))).toBe('员工 D001 王芳');
  });

  it('shows an unknown event type by its raw name', () => {
    expect(eventTypeLabel(t(), 'gate.truckArrived')).toBe('gate.truckArrived');
    expect(describeEvent(t(), event('gate.truckArrived'))).toBe('');
  });
});
