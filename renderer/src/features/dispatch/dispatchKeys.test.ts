import { describe, expect, it } from 'vitest';
import { loadingKeyAction, pointDigit, tonnesText } from './dispatchKeys';

describe('dispatch screen keys', () => {
  it('maps the loading keys', () => {
    expect(loadingKeyAction({ key: '+' })).toBe('plusOne');
    expect(loadingKeyAction({ key: 'ArrowUp' })).toBe('plusOne');
    expect(loadingKeyAction({ key: 'PageUp' })).toBe('plusTen');
    expect(loadingKeyAction({ key: 'b' })).toBe('broken');
    expect(loadingKeyAction({ key: 'F9' })).toBe('finish');
    expect(loadingKeyAction({ key: 'Enter', ctrlKey: true })).toBe('finish');
    expect(loadingKeyAction({ key: 'Enter' })).toBeNull();
    expect(loadingKeyAction({ key: '+', altKey: true })).toBeNull();
    expect(loadingKeyAction({ key: 'Escape' })).toBe('back');
  });
  it('digits choose a point', () => {
    expect(pointDigit('1')).toBe(0);
    expect(pointDigit('9')).toBe(8);
    expect(pointDigit('0')).toBeNull();
    expect(pointDigit('a')).toBeNull();
  });
  it('tonnes', () => {
    expect(tonnesText(30_000)).toBe('30');
    expect(tonnesText(1_250)).toBe('1.25');
  });
});
