import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';
import { SETTINGS } from '../../../src/shared/settings';
import { i18next, initI18n } from '../i18n';
import { zodErrors } from './zodErrors';

beforeAll(() => {
  initI18n('zh-CN');
});

describe('zodErrors (contract schemas → translated field messages)', () => {
  const t = () => i18next.t;

  it('translates the keys the contract schemas carry', () => {
    const errors = zodErrors(t(), contract['staff.create'].input, { staffNo: 'x', pin: '12', name: '', role: 'sales_clerk', phone: 'abc' });
    expect(errors).toEqual({
      staffNo: '工号为 2–20 位字母、数字或短横线。',
      pin: '密码为 4–8 位数字。',
      name: '此项必填。',
      phone: '电话格式不正确（5–20 位数字，可含 + - 和空格）。',
    });
  });

  it('gives bare min/max rules a generic sentence instead of zod English', () => {
    const errors = zodErrors(t(), contract['system.setupAdmin'].input, { plantName: '', staffNo: 'A001', name: '甲', pin: '1234', station: 'gate' });
    expect(errors).toEqual({ plantName: '此项必填。' });
    expect(zodErrors(t(), SETTINGS['sales.slipWaitMinutes'].schema, 0)['(body)']).toBe('不能小于 1。');
    expect(zodErrors(t(), SETTINGS['sales.slipWaitMinutes'].schema, 500)['(body)']).toBe('不能大于 120。');
    expect(zodErrors(t(), SETTINGS['sales.slipWaitMinutes'].schema, 2.5)['(body)']).toBe('请输入整数。');
    expect(zodErrors(t(), SETTINGS['sales.slipWaitMinutes'].schema, undefined)['(body)']).toBe('请输入数字。');
  });

  it('follows the language', async () => {
    await i18next.changeLanguage('en');
    expect(zodErrors(t(), contract['auth.changePin'].input, { currentPin: '1', newPin: 'abcd' })).toEqual({ newPin: 'A PIN has 4–8 digits.' });
    await i18next.changeLanguage('zh-CN');
  });

  it('is empty for valid input', () => {
    expect(zodErrors(t(), contract['auth.signIn'].input, { staffNo: 'D001', pin: '1001' })).toEqual({});
  });
});
