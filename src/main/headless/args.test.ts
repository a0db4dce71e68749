import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('headless args', () => {
  it('--scale-port sets the scale indicator port (overrides the setting); without it the setting decides', () => {
    expect(parseArgs(['--scale-port', '/tmp/scale/A'], {}).scalePort).toBe('/tmp/scale/A');
    expect(parseArgs([], {}).scalePort).toBeUndefined();
    expect(() => parseArgs(['--scale-port'], {})).toThrow(/--scale-port needs a value/);
  });
});
